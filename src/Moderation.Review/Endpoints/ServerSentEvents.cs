using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Moderation.Review.Endpoints;

/// <summary>
/// Writes the <c>text/event-stream</c> format (HTML Living Standard §9.2, "Server-sent events"): fields are
/// <c>name: value</c> lines, an event ends with a blank line, lines starting with <c>:</c> are comments. The verdict
/// JSON is written on one line (System.Text.Json escapes control characters inside strings), so one <c>data:</c>
/// field carries one value and no user-controlled text can start a new field.
/// </summary>
internal static class ServerSentEvents
{
    /// <summary>Media type of the stream.</summary>
    public const string ContentType = "text/event-stream";

    /// <summary>Writes <c>retry: {ms}</c>: the browser's reconnection delay in ms.</summary>
    public static void WriteRetry(IBufferWriter<byte> output, int reconnectDelayMs) =>
        WriteAscii(output, $"retry: {reconnectDelayMs.ToString(CultureInfo.InvariantCulture)}\n\n");

    /// <summary>Writes a comment line (ignored by browsers; a heartbeat). <paramref name="text"/> must be one line.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> contains CR or LF.</exception>
    public static void WriteComment(IBufferWriter<byte> output, string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("A comment must be one line.", nameof(text));
        }

        WriteAscii(output, $": {text}\n\n");
    }

    /// <summary>Writes one event: <c>id: {id}</c> and <c>data: {value as JSON}</c>.</summary>
    public static void WriteEvent<T>(IBufferWriter<byte> output, long id, T value, JsonTypeInfo<T> type)
    {
        WriteAscii(output, $"id: {id.ToString(CultureInfo.InvariantCulture)}\ndata: ");
        using (var json = new Utf8JsonWriter(output))
        {
            JsonSerializer.Serialize(json, value, type);
        }

        WriteAscii(output, "\n\n");
    }

    private static void WriteAscii(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        output.Advance(written);
    }
}
