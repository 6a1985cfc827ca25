using Lambench.Analysis.Figures;

namespace Lambench.Analysis.Tests.Figures;

/// <summary>Runs the real headless Chromium (test.sh and .ci/run install Debian's chromium).</summary>
[Trait("Tier", "system")] // headless Chromium
public class ChromiumFigureExporterTests
{
    [Fact]
    public async Task Exports_svg_and_png_that_hold_the_figure()
    {
        var chromium = ChromiumFigureExporter.Find();
        Assert.True(chromium is not null, "Chromium is required for this test: apt-get install chromium (test.sh does it)");
        var figure = new ReportFigure("probe", "Probe figure", """{"data":[{"type":"bar","x":["arm64-config","x86-config"],"y":[3,5],"name":"probe-trace"}],"layout":{"width":400,"height":300,"title":{"text":"Probe figure"}}}""", "caption");
        var directory = Directory.CreateTempSubdirectory("lambench-test-").FullName;
        try
        {
            var written = await new ChromiumFigureExporter(chromium!).ExportAsync([figure], directory);
            Assert.Equal([Path.Combine(directory, "probe.svg"), Path.Combine(directory, "probe.png"), Path.Combine(directory, "probe.pdf")], written);

            var svg = await File.ReadAllTextAsync(Path.Combine(directory, "probe.svg"));
            Assert.StartsWith("<svg", svg);
            Assert.Contains("Probe figure", svg);
            Assert.Contains("arm64-config", svg);

            var png = await File.ReadAllBytesAsync(Path.Combine(directory, "probe.png"));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            // IHDR width and height, big-endian at bytes 16 and 20: 400 × 300 at scale 2.
            Assert.Equal((800, 600), (ReadInt32BigEndian(png, 16), ReadInt32BigEndian(png, 20)));

            // The PDF for pdflatex: one page of the figure's layout size (400 × 300 px = 300 × 225 pt), the figure's text in it.
            var pdf = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(directory, "probe.pdf")));
            Assert.StartsWith("%PDF-", pdf);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(pdf, @"/Type\s*/Page\b"));
            var box = System.Text.RegularExpressions.Regex.Match(pdf, @"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]");
            Assert.True(box.Success, "no MediaBox");
            // Chromium rounds the paper to its own units: within a point.
            Assert.InRange(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 299, 301);
            Assert.InRange(double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 224, 226);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int ReadInt32BigEndian(byte[] bytes, int offset) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset, 4));
}
