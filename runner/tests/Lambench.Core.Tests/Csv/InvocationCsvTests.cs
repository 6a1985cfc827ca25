using System.Globalization;
using Lambench.Core.Csv;
using Lambench.Core.Ingest;
using Lambench.Core.Records;

namespace Lambench.Core.Tests.Csv;

public class InvocationCsvTests
{
    private static readonly InvocationRecord Cold = new()
    {
        Configuration = "go-arm64", FunctionName = "tcc-go", Runtime = "provided.al2023", Architecture = "arm64", MemorySizeMb = 512,
        RequestId = "r1", TimestampUtc = new DateTimeOffset(2024, 6, 1, 12, 0, 1, 317, TimeSpan.Zero), DurationMs = 1093.52, BilledDurationMs = 1506,
        InitDurationMs = 412.07, MaxMemoryUsedMb = 81, Platform = "aws", Label = "SMALL, \"quoted\"", BatchId = "b1", Repetition = 2, Round = 3,
    };

    private static readonly InvocationRecord Warm = new() { Configuration = "go-arm64", RequestId = "r2", DurationMs = 0.1 + 0.2, Status = "timeout" };

    [Fact]
    public void Writes_the_documented_columns_in_order_and_empty_cells_for_absent_values()
    {
        var text = new StringWriter();
        InvocationCsvWriter.Write(text, [Cold, Warm]);
        var lines = text.ToString().Split('\n');
        Assert.Equal("configuration,function_name,runtime,architecture,memory_size_mb,start_type,request_id,timestamp_utc,duration_ms,billed_duration_ms,init_duration_ms,restore_duration_ms,billed_restore_duration_ms,max_memory_used_mb,status,error_type,platform,label,batch_id,repetition,round", lines[0]);
        Assert.Equal("go-arm64,tcc-go,provided.al2023,arm64,512,cold,r1,2024-06-01T12:00:01.317Z,1093.52,1506,412.07,,,81,success,,aws,\"SMALL, \"\"quoted\"\"\",b1,2,3", lines[1]);
        // Shortest round-trip: 0.1 + 0.2 is written as the double it is, so reading it back gives the same bits.
        Assert.Equal("go-arm64,,,,,warm,r2,,0.30000000000000004,,,,,,timeout,,,,,,", lines[2]);
    }

    [Fact]
    public void Is_invariant_whatever_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("pt-BR");
            var text = new StringWriter();
            InvocationCsvWriter.Write(text, [Cold]);
            Assert.Contains(",1093.52,1506,412.07,", text.ToString());
            var back = InvocationCsvReader.Read(new StringReader(text.ToString()), "x.csv");
            Assert.Equal(Cold, Assert.Single(back));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Round_trips_every_field()
    {
        var text = new StringWriter();
        InvocationCsvWriter.Write(text, [Cold, Warm]);
        Assert.Equal([Cold, Warm], InvocationCsvReader.Read(new StringReader(text.ToString()), "x.csv"));
    }

    [Theory]
    [InlineData("duration_ms", "8,40", "line 2: column duration_ms: '8,40' is not a number")]
    [InlineData("start_type", "cold", "line 2: column start_type: 'cold' but the row has no Init or Restore duration (warm)")]
    [InlineData("status", "ok", "line 2: column status: unknown status 'ok'")]
    public void Names_the_line_and_column_of_a_bad_cell(string column, string value, string message)
    {
        var text = new StringWriter();
        InvocationCsvWriter.Write(text, [Warm with { Status = "success" }]);
        var lines = text.ToString().Split('\n');
        var index = Array.IndexOf(lines[0].Split(','), column);
        var cells = lines[1].Split(',');
        cells[index] = value.Contains(',') ? $"\"{value}\"" : value;
        lines[1] = string.Join(',', cells);
        var error = Assert.Throws<InvalidDataException>(() => InvocationCsvReader.Read(new StringReader(string.Join('\n', lines)), "bad.csv"));
        Assert.StartsWith("bad.csv: " + message, error.Message);
    }

    [Fact]
    public void Reads_rounds_back_and_files_written_before_rounds_existed()
    {
        var text = new StringWriter();
        InvocationCsvWriter.Write(text, [Cold, Warm]);
        var rows = InvocationCsvReader.Read(new StringReader(text.ToString()), "with-round.csv");
        Assert.Equal([3, null], rows.Select(r => r.Round));
        Assert.Equal([2, null], rows.Select(r => r.Repetition));

        // The header and cells of the last column removed: the layout of earlier releases, read with no round.
        var old = string.Join('\n', text.ToString().Split('\n').Where(l => l.Length > 0).Select(l => l[..l.LastIndexOf(',')])) + "\n";
        Assert.DoesNotContain("round", old);
        var earlier = InvocationCsvReader.Read(new StringReader(old), "earlier.csv");
        Assert.Equal([null, null], earlier.Select(r => r.Round));
        Assert.Equal(Cold with { Round = null }, earlier[0]);
    }

    [Fact]
    public void Refuses_a_round_below_one_with_its_line()
    {
        var text = new StringWriter();
        InvocationCsvWriter.Write(text, [Cold with { Round = 0 }]);
        var error = Assert.Throws<InvalidDataException>(() => InvocationCsvReader.Read(new StringReader(text.ToString()), "zero.csv"));
        Assert.Equal("zero.csv: line 2: column round: 0: rounds are numbered from 1", error.Message);
    }

    [Fact]
    public void Refuses_a_csv_without_the_columns()
    {
        var error = Assert.Throws<InvalidDataException>(() => InvocationCsvReader.Read(new StringReader("configuration,duration_ms\nx,1\n"), "other.csv"));
        Assert.Contains("missing column(s) function_name", error.Message);
    }

    [Fact]
    public void The_sample_csv_is_what_ingest_makes_of_the_sample_log()
    {
        var sample = Path.Combine(Fixture.RepositoryRoot(), "data", "sample");
        var ingestor = new LogIngestor(new IngestOptions { Architecture = "x86_64", Runtime = "provided.al2", FunctionName = "order-processor-lambda" });
        ingestor.AddFile(Path.Combine(sample, "order-processor-lambda.log"));
        var text = new StringWriter();
        InvocationCsvWriter.Write(text, ingestor.Complete().Invocations);
        Assert.Equal(File.ReadAllText(Path.Combine(sample, "invocations.csv")), text.ToString());
    }
}
