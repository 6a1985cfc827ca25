using System.Reflection;
using Microsoft.AspNetCore.Html;

namespace Lambench.Analysis.Figures;

/// <summary>The plotly.js that Plotly.NET ships inside its assembly, so reports embed it and never load it from a CDN.</summary>
public static class PlotlyScript
{
    private static readonly Lazy<string> Cached = new(Load);

    public static string Source => Cached.Value;

    private static string Load()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A script element with plotly.js inline: displayed once at the top of a notebook, it lets figures draw offline.</summary>
    public static IHtmlContent Html => new HtmlString(InlineHtml);

    /// <summary>The text of <see cref="Html"/>, by which a rendered notebook's outputs are recognised.</summary>
    public static string InlineHtml => "<script>" + InlineSource + "</script>";

    /// <summary>Safe inside a &lt;script&gt; element: a literal "&lt;/script" would end it early.</summary>
    public static string InlineSource => Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file a folder of rendered notebooks shares, instead of 3.5 MB of plotly.js in each.</summary>
    public const string FileName = "plotly.min.js";

    /// <summary>What a rendered notebook shows instead of <see cref="Html"/>: the shared file beside it.</summary>
    public const string FileReference = "<script src=\"" + FileName + "\"></script>";
}
