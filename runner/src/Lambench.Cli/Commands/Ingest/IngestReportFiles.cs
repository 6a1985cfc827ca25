using System.Globalization;
using System.Text;
using Lambench.Core.Csv;
using Lambench.Core.Ingest;

namespace Lambench.Cli.Commands.Ingest;

/// <summary>The side files of an ingest: every rejected REPORT line (&lt;out&gt;.rejected.txt) and every conflict (&lt;out&gt;.conflicts.csv).</summary>
public static class IngestReportFiles
{
    public static string RejectedPath(string output) => output + ".rejected.txt";

    public static string ConflictsPath(string output) => output + ".conflicts.csv";

    /// <summary>Writes both files when there is something to say, and removes stale ones from an earlier ingest when not.</summary>
    public static void Write(string output, IngestResult result)
    {
        if (result.Rejected.Count > 0)
        {
            var text = new StringBuilder();
            foreach (var line in result.Rejected)
            {
                text.Append(line.Path).Append(": ").Append(line.Where).Append(": ").Append(line.Reason).Append('\n')
                    .Append("    ").Append(line.Text).Append('\n');
            }

            AtomicFile.WriteAllText(RejectedPath(output), text.ToString());
        }
        else
        {
            File.Delete(RejectedPath(output));
        }

        if (result.Conflicts.Count > 0)
        {
            AtomicFile.Write(ConflictsPath(output), writer =>
            {
                using var csv = CsvHelper.CsvWriter.Create(writer, new CsvHelper.CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" }, leaveOpen: true);
                csv.WriteHeader(["request_id", "kept_duration_ms", "ignored_duration_ms", "ignored_file", "ignored_where"]);
                foreach (var c in result.Conflicts)
                {
                    csv.WriteField(c.RequestId);
                    csv.WriteField(InvariantFormat.Number(c.KeptDurationMs));
                    csv.WriteField(InvariantFormat.Number(c.IgnoredDurationMs));
                    csv.WriteField(c.IgnoredPath);
                    csv.WriteField(c.IgnoredWhere);
                    csv.EndRecord();
                }

                csv.Flush();
            });
        }
        else
        {
            File.Delete(ConflictsPath(output));
        }
    }
}
