using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Lambench.Core.Ingest;
using Lambench.Core.Logs;

namespace Lambench.Core.Tests.Ingest;

/// <summary>
/// Ingest's verdict on gzip files against GNU gzip's own (`gzip -t`): whole, truncated at several places, a byte of
/// the deflate data or of the CRC changed, two members (one cut). Ingest must refuse exactly the files gzip calls
/// damaged, and read the others whole.
/// </summary>
[Trait("Tier", "system")]
public sealed class GzipVerdictTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-gzip-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] Compress(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private static bool GzipSaysWhole(string path)
    {
        var start = new ProcessStartInfo("gzip", ["-t", path]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    [Fact]
    public void Ingest_refuses_exactly_the_gzip_files_gzip_calls_damaged()
    {
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i =>
            $"REPORT RequestId: 3f1c2a5e-1111-4a2b-9c3d-{i:D12}\tDuration: {i % 900 + 0.25:F2} ms\tBilled Duration: {i % 900 + 1} ms\tMemory Size: 512 MB\tMax Memory Used: 60 MB\t\n"));
        var whole = Compress(text);
        var cases = new Dictionary<string, byte[]>
        {
            ["whole"] = whole,
            ["two-members"] = [.. whole, .. whole],
            ["second-member-cut"] = [.. whole, .. whole[..(whole.Length / 2)]],
            ["cut-10"] = whole[..10],
            ["cut-half"] = whole[..(whole.Length / 2)],
            ["cut-trailer"] = whole[..^4],
            ["deflate-byte"] = Changed(whole, whole.Length / 3),
            ["crc-byte"] = Changed(whole, whole.Length - 6),
        };
        foreach (var (name, bytes) in cases)
        {
            var path = Path.Combine(_directory, name + ".log.gz");
            File.WriteAllBytes(path, bytes);
            var ingestor = new LogIngestor(new IngestOptions());
            bool read;
            try
            {
                ingestor.AddFile(path);
                read = true;
            }
            catch (LogFormatException)
            {
                read = false;
            }

            Assert.True(read == GzipSaysWhole(path), $"{name}: ingest {(read ? "read it" : "refused it")}, gzip -t says {(GzipSaysWhole(path) ? "whole" : "damaged")}");
            if (read)
            {
                Assert.Equal(5000, ingestor.Complete().Invocations.Count); // two members of the same lines: the ids merge
            }
        }
    }

    private static byte[] Changed(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0x55;
        return copy;
    }
}
