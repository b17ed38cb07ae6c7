using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Moderation.Integration.Tests.HotSwap;

/// <summary>The HTTP side of a child <c>moderation serve</c> on a port chosen here: readiness and the Prometheus text.</summary>
internal sealed partial class ServeEndpoint : IDisposable
{
    private readonly HttpClient _http;

    public ServeEndpoint()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        probe.Stop();
        _http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>The <c>--urls</c> value to start the service with.</summary>
    public string Url { get; }

    /// <summary>True when <c>/healthz/ready</c> answers 200 (model loaded, at least one partition assigned).</summary>
    public async Task<bool> ReadyAsync()
    {
        try
        {
            return (await _http.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The value of <c>moderation_model_swaps_total</c> whose labels include <paramref name="result"/> (and
    /// <paramref name="reason"/> when given); 0 when absent.</summary>
    public async Task<long> SwapsAsync(string result, string? reason = null)
    {
        string text;
        try
        {
            text = await _http.GetStringAsync("/metrics");
        }
        catch (HttpRequestException)
        {
            return 0;
        }

        return SwapLine().Matches(text).Where(m => m.Groups["labels"].Value.Contains($"result=\"{result}\"", StringComparison.Ordinal)
                && (reason is null || m.Groups["labels"].Value.Contains($"reason=\"{reason}\"", StringComparison.Ordinal)))
            .Sum(m => long.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"^moderation_model_swaps_total\{(?<labels>[^}]*)\} (?<value>\d+)", RegexOptions.Multiline)]
    private static partial Regex SwapLine();
}
