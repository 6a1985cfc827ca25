using System.Xml.Linq;

namespace Lambench.Runner.Aws;

/// <summary>Reading query-protocol answers by local name, whatever namespace the service (or a stand-in) declares.</summary>
internal static class XmlAnswers
{
    public static IEnumerable<XElement> All(this XContainer node, string name) => node.Descendants().Where(e => e.Name.LocalName == name);

    public static XElement? Child(this XElement node, string name) => node.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? ChildValue(this XElement node, string name) => node.Child(name)?.Value;

    /// <summary>The members of a list element (&lt;Tags&gt;&lt;member&gt;…), as key-value pairs of two named children.</summary>
    public static IReadOnlyDictionary<string, string> Pairs(this XElement? list, string keyName, string valueName) =>
        list is null
            ? new Dictionary<string, string>()
            : list.Elements().Where(m => m.Name.LocalName == "member" && m.ChildValue(keyName) is not null)
                .GroupBy(m => m.ChildValue(keyName)!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().ChildValue(valueName) ?? string.Empty, StringComparer.Ordinal);
}
