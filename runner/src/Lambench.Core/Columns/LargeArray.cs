using System.Runtime.InteropServices;

namespace Lambench.Core.Columns;

/// <summary>
/// Large uninitialised arrays whose memory Linux may back with 2 MB pages (transparent huge pages, where the system
/// leaves them to madvise, as Debian does). A column of a million rows is first touched while it is written, and on
/// small pages each 4 KB costs a page fault: on the 2-core machine this project is measured on, a million-line ingest
/// took 40,000 faults, a fifth of its processor time; 2 MB pages take one fault where 512 were.
/// </summary>
internal static class LargeArray
{
    private const int HugePageBytes = 2 << 20;
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE, linux/mman.h

    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>An uninitialised array; from 4 MB up, advised for huge pages (a hint: where it is refused, nothing changes).</summary>
    public static T[] Allocate<T>(int length) where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(length);
        if (!_unavailable && (long)length * Marshal.SizeOf<T>() >= 2L * HugePageBytes)
        {
            Advise(array, (long)length * Marshal.SizeOf<T>());
        }

        return array;
    }

    /// <summary>
    /// Room for <paramref name="length"/> values from <paramref name="offset"/> on, where the memory starts on a huge
    /// page boundary, so that none of it is left on small pages at the start (the values before the offset are never
    /// touched, and so cost nothing).
    /// </summary>
    public static T[] AllocateAligned<T>(int length, out int offset) where T : unmanaged
    {
        var size = Marshal.SizeOf<T>();
        if (_unavailable || (long)length * size < 2L * HugePageBytes)
        {
            offset = 0;
            return GC.AllocateUninitializedArray<T>(length);
        }

        var array = GC.AllocateUninitializedArray<T>(length + HugePageBytes / size);
        var address = AddressOf(array);
        offset = (int)((((address + HugePageBytes - 1) & -HugePageBytes) - address) / size);
        Advise(array, (long)array.Length * size);
        return array;
    }

    private static long AddressOf<T>(T[] array)
    {
        // Large arrays live in the large object heap, which does not move them: the address stays valid.
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        var address = (long)handle.AddrOfPinnedObject();
        handle.Free();
        return address;
    }

    private static void Advise<T>(T[] array, long bytes)
    {
        var address = AddressOf(array);
        var start = (address + HugePageBytes - 1) & -HugePageBytes;
        var end = (address + bytes) & -HugePageBytes;
        try
        {
            if (end > start && Madvise((nint)start, (nuint)(end - start), MadviseHugePage) != 0)
            {
                _unavailable = true; // EINVAL: a kernel without transparent huge pages
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
        }
    }

    // DllImport, not LibraryImport: the arguments are blittable, and this project has no unsafe code to enable for it.
    [DllImport("libc", EntryPoint = "madvise")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Madvise(nint address, nuint length, int advice);
}
