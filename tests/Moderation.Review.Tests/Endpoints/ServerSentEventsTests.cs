using System.Buffers;
using System.Text;
using System.Text.Json;
using Moderation.Core.Contracts;
using Moderation.Review.Endpoints;
using Moderation.Review.Serialization;
using Moderation.Review.Tests.Support;

namespace Moderation.Review.Tests.Endpoints;

public sealed class ServerSentEventsTests
{
    private static string Write(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void An_event_is_an_id_line_and_one_data_line_of_verdict_json()
    {
        var verdict = Verdicts.Flag("post-1", 3, ["synthetic"], source: "synthetic");

        var text = Write(b => ServerSentEvents.WriteEvent(b, 1_767_225_600_123_001, verdict, ReviewJsonContext.Default.Verdict));

        Assert.StartsWith("id: 1767225600123001\ndata: {", text);
        Assert.EndsWith("}\n\n", text);
        var json = text["id: 1767225600123001\ndata: ".Length..^2];
        var parsed = JsonSerializer.Deserialize<Verdict>(json)!;
        Assert.Equal("post-1", parsed.PostId);
        Assert.Equal(["synthetic"], parsed.Reasons);
        Assert.Equal("synthetic", parsed.Headers[PostHeaders.Source]);
    }

    [Fact]
    public void User_controlled_text_cannot_add_lines_fields_or_markup()
    {
        const string hostile = "x\n\ndata: forged\r\nid: 9\r<img src=x onerror=alert(1)>\u2028";
        var verdict = Verdicts.Flag(hostile, 1, source: "</script><script>alert(1)</script>");

        var text = Write(b => ServerSentEvents.WriteEvent(b, 5, verdict, ReviewJsonContext.Default.Verdict));

        var lines = text.Split('\n');
        Assert.Equal(["id: 5", lines[1], "", ""], lines);
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Contains("\\u003Cimg", text, StringComparison.Ordinal);
        Assert.Equal(hostile, JsonSerializer.Deserialize<Verdict>(lines[1]["data: ".Length..])!.PostId);
    }

    [Fact]
    public void Comments_and_retry_use_their_own_line_forms()
    {
        Assert.Equal(": heartbeat\n\n", Write(b => ServerSentEvents.WriteComment(b, "heartbeat")));
        Assert.Equal("retry: 3000\n\n", Write(b => ServerSentEvents.WriteRetry(b, 3000)));
        Assert.Throws<ArgumentException>(() => Write(b => ServerSentEvents.WriteComment(b, "two\nlines")));
    }
}
