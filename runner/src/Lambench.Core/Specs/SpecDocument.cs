using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Lambench.Core.Specs;

/// <summary>
/// A spec file read as one YAML mapping, within limits no real spec comes near: at most <see cref="MaxBytes"/> and
/// <see cref="MaxDepth"/> levels of nesting. The depth is counted on YamlDotNet's event stream before any tree is
/// built, because building the tree recurses and 50,000 levels overflow the stack, which no handler can catch.
/// </summary>
public static class SpecDocument
{
    public const int MaxBytes = 1 << 20;
    public const int MaxDepth = 32;

    /// <exception cref="SpecException">the file cannot be read, is too large or deep, is not YAML, or not a mapping.</exception>
    public static YamlMappingNode Load(string path)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxBytes)
            {
                throw Fail(path, 0, $"{info.Length:N0} bytes: a spec is at most {MaxBytes >> 20} MiB (the shipped ones are under 2 KB)");
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(path, 0, e.Message);
        }

        try
        {
            CheckDepth(path, text);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
                ?? throw Fail(path, 1, "a spec is a YAML mapping of name, workload, channel, configurations, batches and protocol");
        }
        catch (YamlException e)
        {
            throw Fail(path, e.Start.Line, "not valid YAML: " + SpecNodes.Shown(e.Message));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's parser throws this instead of a YamlException on some broken flow collections ("{ label: []").
            throw Fail(path, 0, "not valid YAML: " + SpecNodes.Shown(e.Message));
        }
    }

    private static void CheckDepth(string path, string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    if (++depth > MaxDepth)
                    {
                        throw Fail(path, parser.Current.Start.Line, $"nested more than {MaxDepth} levels deep; a spec needs three");
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    private static SpecException Fail(string path, long line, string message) => new([new SpecError(path, line, "(file)", message)]);
}
