using System.Globalization;

namespace Lambench.LocalPlatform.Functions;

/// <summary>A process's peak resident set (VmHWM in /proc/&lt;pid&gt;/status): what Lambda reports as Max Memory Used.</summary>
public static class ProcessMemory
{
    /// <summary>Peak RSS in MB (2^20 bytes) rounded up, or null when the process is gone or /proc is absent.</summary>
    public static int? PeakResidentMb(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return (int)((kilobytes + 1023) / 1024);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return null;
    }
}
