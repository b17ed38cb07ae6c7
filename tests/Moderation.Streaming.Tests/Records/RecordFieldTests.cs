using System.Text;
using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Streaming.Records;
using Moderation.Streaming.Tests.Support;

namespace Moderation.Streaming.Tests.Records;

public sealed class RecordFieldTests
{
    [Fact]
    public void Post_id_is_the_utf8_key_or_the_record_position_when_there_is_no_key()
    {
        Assert.Equal("pöst-1", PostRecords.PostId(Support.Records.Consumed("pöst-1", [1])));
        Assert.Equal("posts.images/2@7", PostRecords.PostId(Support.Records.Consumed(null, [1])));
    }

    [Fact]
    public void Posted_at_comes_from_the_header_then_the_kafka_timestamp()
    {
        var withHeader = Support.Records.Consumed("p", [1], headers: Support.Records.Headers((PostHeaders.PostedAt, "1700000000001")),
            timestamp: new Timestamp(1_600_000_000_000, TimestampType.CreateTime));
        var badHeader = Support.Records.Consumed("p", [1], headers: Support.Records.Headers((PostHeaders.PostedAt, "yesterday")),
            timestamp: new Timestamp(1_600_000_000_000, TimestampType.CreateTime));
        var neither = Support.Records.Consumed("p", [1], timestamp: new Timestamp(0, TimestampType.NotAvailable));

        Assert.Equal(1_700_000_000_001, PostRecords.PostedAtMs(withHeader));
        Assert.Equal(1_600_000_000_000, PostRecords.PostedAtMs(badHeader));
        Assert.Null(PostRecords.PostedAtMs(neither));
    }

    [Fact]
    public void Header_map_keeps_the_last_value_of_a_repeated_header()
    {
        var headers = Support.Records.Headers(("a", "1"), ("b", "2"), ("a", "3"));

        Assert.Equal(new Dictionary<string, string> { ["a"] = "3", ["b"] = "2" }, PostRecords.HeaderMap(headers));
        Assert.Equal("3", PostRecords.Header(headers, "a"));
        Assert.Null(PostRecords.Header(headers, "c"));
    }

    [Fact]
    public void Dead_letter_keeps_key_value_and_headers_and_appends_reason_error_and_source_position()
    {
        var source = Support.Records.Consumed("p-9", [9, 8, 7], offset: 12345, partition: 3,
            headers: Support.Records.Headers((PostHeaders.UserId, "u"), (PostHeaders.Source, "malformed")));

        var message = DeadLetterRecords.Create(source, DeadLetterReasons.TooLarge, new string('x', 5000), DeadLetterRecords.DefaultMessageMaxBytes);

        Assert.Equal(source.Message.Key, message.Key);
        Assert.Equal(source.Message.Value, message.Value);
        var headers = message.Headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.GetValueBytes()))).ToList();
        Assert.Equal(
            [
                (PostHeaders.UserId, "u"), (PostHeaders.Source, "malformed"), (PostHeaders.DlqReason, DeadLetterReasons.TooLarge),
                (PostHeaders.DlqError, new string('x', 1024)), (PostHeaders.DlqSourceTopic, "posts.images"),
                (PostHeaders.DlqSourcePartition, "3"), (PostHeaders.DlqSourceOffset, "12345"),
            ],
            headers);
    }

    [Fact]
    public void Dead_letter_too_large_for_the_producer_leaves_the_value_out_and_gives_its_length()
    {
        var value = new byte[300_000];
        var source = Support.Records.Consumed("p-big", value, offset: 7, partition: 1,
            headers: Support.Records.Headers((PostHeaders.ContentType, "image/png")));

        var fits = DeadLetterRecords.Create(source, DeadLetterReasons.TooLarge, "over the limit", maxMessageBytes: 400_000);
        var omitted = DeadLetterRecords.Create(source, DeadLetterReasons.TooLarge, "over the limit", maxMessageBytes: 300_000);

        Assert.Same(value, fits.Value);
        Assert.DoesNotContain(fits.Headers, h => h.Key == PostHeaders.DlqValueOmitted);
        Assert.Null(omitted.Value);
        Assert.Equal(source.Message.Key, omitted.Key);
        Assert.Equal("300000", Encoding.UTF8.GetString(omitted.Headers.GetLastBytes(PostHeaders.DlqValueOmitted)));
        Assert.Equal(DeadLetterReasons.TooLarge, Encoding.UTF8.GetString(omitted.Headers.GetLastBytes(PostHeaders.DlqReason)));
        Assert.Equal("image/png", Encoding.UTF8.GetString(omitted.Headers.GetLastBytes(PostHeaders.ContentType)));
    }

    [Fact]
    public void Flag_record_is_the_post_with_the_verdict_json_in_a_header_and_omits_an_image_too_large_to_produce()
    {
        var image = new byte[300_000];
        image[0] = 0x89;
        var source = Support.Records.Consumed("p-flag", image, offset: 41, partition: 2,
            headers: Support.Records.Headers((PostHeaders.ContentType, "image/png"), (PostHeaders.UserId, "u-7")));
        var verdictJson = "{\"postId\":\"p-flag\"}"u8.ToArray();

        var fits = FlagRecords.Create(source, verdictJson, maxMessageBytes: 400_000);
        var omitted = FlagRecords.Create(source, verdictJson, maxMessageBytes: 300_000);

        Assert.Equal(source.Message.Key, fits.Key);
        Assert.Same(image, fits.Value);
        Assert.Equal(
            [(PostHeaders.ContentType, "image/png"), (PostHeaders.UserId, "u-7"), (PostHeaders.Verdict, "{\"postId\":\"p-flag\"}")],
            fits.Headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.GetValueBytes()))));
        Assert.Null(omitted.Value);
        Assert.Equal("300000", Encoding.UTF8.GetString(omitted.Headers.GetLastBytes(PostHeaders.FlagValueOmitted)));
        Assert.Equal(verdictJson, omitted.Headers.GetLastBytes(PostHeaders.Verdict));
    }
}
