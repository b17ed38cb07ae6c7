using System.Globalization;
using System.Net.Http.Headers;

namespace Moderation.Review.Tests.Support;

/// <summary>One block of a <c>text/event-stream</c>: an event (id, data), a comment, or a retry field.</summary>
internal sealed record SseMessage(string? Id, string? Data, string? Comment, int? Retry);

/// <summary>Reads Server-Sent Events with <see cref="HttpClient"/>, one block (ending in a blank line) at a time.</summary>
internal sealed class SseStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body);
    }

    public HttpContentHeaders ContentHeaders => _response.Content.Headers;

    public static async Task<SseStream> OpenAsync(HttpClient http, string path, string? lastEventId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return new SseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    public async Task<SseMessage> ReadAsync(CancellationToken cancellationToken)
    {
        string? id = null, data = null, comment = null;
        int? retry = null;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                return new SseMessage(id, data, comment, retry);
            }

            if (line.StartsWith(':'))
            {
                comment = line[1..].Trim();
                continue;
            }

            var colon = line.IndexOf(':');
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "id": id = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
                case "retry": retry = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: Assert.Fail($"unexpected field {field}"); break;
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }

    /// <summary>The next <paramref name="count"/> events, skipping heartbeat comments.</summary>
    public async Task<List<SseMessage>> ReadEventsAsync(int count, CancellationToken cancellationToken)
    {
        var events = new List<SseMessage>();
        while (events.Count < count)
        {
            var message = await ReadAsync(cancellationToken);
            if (message.Data is not null)
            {
                events.Add(message);
            }
        }

        return events;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
