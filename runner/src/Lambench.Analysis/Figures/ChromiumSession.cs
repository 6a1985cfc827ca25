using System.Globalization;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Lambench.Analysis.Figures;

/// <summary>
/// A headless Chromium with plotly.js loaded, driven over the DevTools protocol (a WebSocket on 127.0.0.1). Starting
/// Chromium and parsing the 3.6 MB plotly.js take seconds whatever the figures; a session started before the data is
/// read does that while the report reads and summarises, and then exports every figure with one Runtime.evaluate.
/// </summary>
public sealed partial class ChromiumSession : IAsyncDisposable
{
    /// <summary>How long an export may take, Chromium's start-up included.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly DirectoryInfo _work;
    private readonly Uri _page;
    private readonly TaskCompletionSource<Uri> _endpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _errors = new();
    private int _nextId;

    private ChromiumSession(string chromiumPath)
    {
        _work = Directory.CreateTempSubdirectory("lambench-chromium-");
        var page = Path.Combine(_work.FullName, "export.html");
        File.WriteAllText(page, ShellPage(), Encoding.UTF8);
        _page = new Uri(page);
        var start = new ProcessStartInfo(chromiumPath) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        // Offline, as root, without a GPU: the flags that work on Debian's Chromium; port 0 lets it pick a free port.
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--disable-quic", "--no-first-run", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                     "--user-data-dir=" + Path.Combine(_work.FullName, "profile"), _page.AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {chromiumPath}");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => OnErrorLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _endpoint.TrySetException(new InvalidOperationException($"{chromiumPath} exited with code {_process.ExitCode} before it could export figures{LastErrors()}"));
    }

    /// <summary>Starts Chromium on the export page and returns at once; the figures come later, through <see cref="RenderAsync"/>.</summary>
    public static ChromiumSession Start(string chromiumPath) => new(chromiumPath);

    /// <summary>Every figure as SVG text and PNG bytes (at twice the layout's size), keyed by figure id.</summary>
    public async Task<IReadOnlyDictionary<string, FigureImages>> RenderAsync(IReadOnlyList<ReportFigure> figures, CancellationToken cancellation = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Timeout);
        try
        {
            var endpoint = await _endpoint.Task.WaitAsync(timeout.Token);
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(endpoint, timeout.Token);
            var targets = await CallAsync(socket, "Target.getTargets", new JsonObject(), null, timeout.Token);
            var target = targets["targetInfos"]!.AsArray().First(t => t!["type"]!.GetValue<string>() == "page")!["targetId"]!.GetValue<string>();
            var attached = await CallAsync(socket, "Target.attachToTarget", new JsonObject { ["targetId"] = target, ["flatten"] = true }, null, timeout.Token);
            var session = attached["sessionId"]!.GetValue<string>();
            var text = await EvaluateAsync(socket, session, "exportFigures({" + string.Join(",", figures.Select(f => JsonSerializer.Serialize(f.Id) + ":" + f.FigureJson)) + "})", timeout.Token);
            using var results = JsonDocument.Parse(text);
            var images = figures.ToDictionary(f => f.Id, f =>
            {
                var result = results.RootElement.GetProperty(f.Id);
                return new FigureImages(
                    Uri.UnescapeDataString(result.GetProperty("svg").GetString()!.Split(',', 2)[1]),
                    Convert.FromBase64String(result.GetProperty("png").GetString()!.Split(',', 2)[1]));
            }, StringComparer.Ordinal);
            // Then each SVG alone on a page of its size, printed to PDF: vector, fonts embedded, what pdflatex includes.
            foreach (var figure in figures)
            {
                images[figure.Id] = images[figure.Id] with { Pdf = await PrintAsync(socket, session, images[figure.Id].Svg, figure, timeout.Token) };
            }

            return images;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"Chromium did not finish exporting figures within {Timeout.TotalSeconds} s");
        }
    }

    /// <summary>The page replaced by the SVG alone, at the figure's layout size, and printed to PDF with no margins.</summary>
    private async Task<byte[]> PrintAsync(ClientWebSocket socket, string session, string svg, ReportFigure figure, CancellationToken cancellation)
    {
        using var layout = JsonDocument.Parse(figure.FigureJson);
        double Size(string name, double fallback) => layout.RootElement.TryGetProperty("layout", out var l) && l.TryGetProperty(name, out var v) && v.TryGetDouble(out var d) ? d : fallback;
        var (width, height) = (Size("width", 900), Size("height", 520));
        var page = "<!DOCTYPE html><html><head><style>@page{margin:0;size:" + width.ToString(CultureInfo.InvariantCulture) + "px " + height.ToString(CultureInfo.InvariantCulture)
            + "px}html,body{margin:0;padding:0}svg{display:block}</style></head><body>" + svg + "</body></html>";
        await CallAsync(socket, "Runtime.evaluate", new JsonObject { ["expression"] = "document.open();document.write(" + JsonSerializer.Serialize(page) + ");document.close();true", ["returnByValue"] = true }, session, cancellation);
        var pdf = await CallAsync(socket, "Page.printToPDF", new JsonObject
        {
            ["paperWidth"] = width / 96, ["paperHeight"] = height / 96, ["printBackground"] = true, ["preferCSSPageSize"] = true,
            ["marginTop"] = 0, ["marginBottom"] = 0, ["marginLeft"] = 0, ["marginRight"] = 0, ["pageRanges"] = "1",
        }, session, cancellation);
        return Convert.FromBase64String(pdf["data"]!.GetValue<string>());
    }

    /// <summary>Runs the export in the page once plotly.js and the export function are there (the page may still be loading).</summary>
    private async Task<string> EvaluateAsync(ClientWebSocket socket, string session, string call, CancellationToken cancellation)
    {
        var expression = "(async () => { while (typeof exportFigures !== 'function' || document.readyState !== 'complete') { await new Promise(r => setTimeout(r, 20)); } return await " + call + "; })()";
        for (var attempt = 1; ; attempt++)
        {
            JsonNode answer;
            try
            {
                answer = await CallAsync(socket, "Runtime.evaluate", new JsonObject { ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true }, session, cancellation);
            }
            catch (InvalidOperationException e) when (attempt < 10 && e.Message.Contains("context", StringComparison.OrdinalIgnoreCase))
            {
                // Evaluated in the blank page Chromium starts with, which the export page then replaced: ask again.
                continue;
            }

            if (answer["exceptionDetails"] is not { } exception)
            {
                return answer["result"]!["value"]!.GetValue<string>();
            }

            var description = exception["exception"]?["description"]?.GetValue<string>() ?? exception["text"]?.GetValue<string>() ?? "unknown error";
            throw new InvalidOperationException("plotly.js could not export the figures: " + description);
        }
    }

    /// <summary>Sends one DevTools command and returns its result, skipping the events that arrive in between.</summary>
    private async Task<JsonNode> CallAsync(ClientWebSocket socket, string method, JsonObject parameters, string? session, CancellationToken cancellation)
    {
        var id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null)
        {
            message["sessionId"] = session;
        }

        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellation);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var received = new MemoryStream();
            WebSocketReceiveResult part;
            do
            {
                part = await socket.ReceiveAsync(buffer, cancellation);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"Chromium closed the DevTools connection{LastErrors()}");
                }

                received.Write(buffer, 0, part.Count);
            }
            while (!part.EndOfMessage);

            var answer = JsonNode.Parse(received.ToArray())!;
            if (answer["id"]?.GetValue<int>() != id)
            {
                continue;
            }

            return answer["error"] is { } error
                ? throw new InvalidOperationException($"Chromium refused {method}: {error["message"]}")
                : answer["result"]!;
        }
    }

    private void OnErrorLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_errors)
        {
            _errors.AppendLine(line);
        }

        if (DevToolsLine().Match(line) is { Success: true } match)
        {
            _endpoint.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    /// <summary>": " and the last lines Chromium wrote to standard error, or nothing when it wrote none.</summary>
    private string LastErrors()
    {
        lock (_errors)
        {
            var last = string.Join('\n', _errors.ToString().Trim().Split('\n').TakeLast(5));
            return last.Length == 0 ? string.Empty : ": " + last;
        }
    }

    /// <summary>plotly.js inline, and a function that plots each figure and asks Plotly.toImage for SVG and PNG.</summary>
    private static string ShellPage() =>
        "<!doctype html><html><head><meta charset=\"utf-8\"><script>" + PlotlyScript.InlineSource + "</script></head><body>\n" + """
            <script>
            async function exportFigures(figures) {
              const results = {};
              for (const [id, figure] of Object.entries(figures)) {
                const element = document.createElement('div');
                document.body.appendChild(element);
                await Plotly.newPlot(element, figure.data, figure.layout, {staticPlot: true});
                const size = {width: figure.layout.width, height: figure.layout.height};
                results[id] = {
                  svg: await Plotly.toImage(element, {format: 'svg', ...size}),
                  png: await Plotly.toImage(element, {format: 'png', scale: 2, ...size}),
                };
                Plotly.purge(element);
                element.remove();
              }
              return JSON.stringify(results);
            }
            </script></body></html>
            """;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helpers may still hold its profile for a moment; the temporary folder is left to the system.
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}
