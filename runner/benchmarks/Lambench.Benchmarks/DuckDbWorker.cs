using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Lambench.Benchmarks;

/// <summary>
/// DuckDB's side of the ingest benchmark, in a process of its own: the same job in SQL (read the files' lines,
/// regexp_extract the REPORT fields, DISTINCT ON request id, group by configuration and start type with quantile_cont,
/// DuckDB's linear-interpolation quantile, numpy's default) into a summary CSV the agreement check reads.
/// </summary>
public static class DuckDbWorker
{
    public static int Run(string output, string[] paths)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var files = string.Join(", ", paths.Select(p => "'" + p.Replace("'", "''", StringComparison.Ordinal) + "'"));
        var target = output.Replace("'", "''", StringComparison.Ordinal);
        // The generated lines hold no '|', so it serves as a delimiter that keeps each line whole in one column.
        var sql = $$"""
            COPY (
              WITH lines AS (
                SELECT line, parse_filename(filename, true) AS configuration
                FROM read_csv([{{files}}], delim = '|', quote = '', escape = '', header = false, columns = {'line': 'VARCHAR'}, filename = true)),
              reports AS (
                SELECT configuration,
                       regexp_extract(line, 'REPORT RequestId: (\S+)', 1) AS request_id,
                       CAST(regexp_extract(line, '\tDuration: ([0-9.]+) ms', 1) AS DOUBLE) AS duration_ms,
                       CAST(NULLIF(regexp_extract(line, 'Init Duration: ([0-9.]+) ms', 1), '') AS DOUBLE) AS init_duration_ms
                FROM lines WHERE line LIKE '%REPORT RequestId:%'),
              invocations AS (SELECT DISTINCT ON (request_id) * FROM reports)
              SELECT configuration, start_type,
                     count(*) AS n, avg(duration_ms) AS mean_duration_ms,
                     quantile_cont(duration_ms, 0.5) AS p50_duration_ms, quantile_cont(duration_ms, 0.95) AS p95_duration_ms,
                     quantile_cont(duration_ms, 0.99) AS p99_duration_ms, max(duration_ms) AS max_duration_ms
              FROM (SELECT *, CASE WHEN init_duration_ms IS NULL THEN 'warm' ELSE 'cold' END AS start_type FROM invocations)
              GROUP BY configuration, start_type
            ) TO '{{target}}' (HEADER, DELIMITER ',');
            """;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new { elapsed_s = elapsed, peak_rss_mb = LambenchWorker.PeakResidentMegabytes() }));
        return 0;
    }
}
