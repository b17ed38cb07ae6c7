using System.Text;
using System.Text.Json;
using Moderation.Review.Ingest;
using Moderation.Review.Tests.Support;

namespace Moderation.Review.Tests.Ingest;

public sealed class VerdictJsonTests
{
    private const int Max = 64 * 1024;

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Parses_the_verdict_json_of_the_contract()
    {
        var original = Verdicts.Flag("post-7", 7, ["abnormal", "synthetic"], source: "synthetic");

        var parsed = VerdictJson.TryParse(JsonSerializer.SerializeToUtf8Bytes(original), Max, out var error);

        Assert.Null(error);
        Assert.NotNull(parsed);
        Assert.Equal("post-7", parsed.PostId);
        Assert.Equal(["abnormal", "synthetic"], parsed.Reasons);
        Assert.Equal(0.871, parsed.Scores["synthetic"]);
        Assert.Equal("synthetic", parsed.Headers["source"]);
        Assert.Equal(7, parsed.SourceOffset);
    }

    [Fact]
    public void Accepts_a_verdict_without_headers()
    {
        var json = JsonSerializer.Serialize(Verdicts.Flag("p", 1));
        var withoutHeaders = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        withoutHeaders.Remove("headers");

        var parsed = VerdictJson.TryParse(JsonSerializer.SerializeToUtf8Bytes(withoutHeaders), Max, out var error);

        Assert.True(parsed is not null, error);
        Assert.Empty(parsed.Headers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"postId\":\"p\"}")] // required members missing
    public void Rejects_values_that_are_not_a_verdict(string value)
    {
        Assert.Null(VerdictJson.TryParse(Json(value), Max, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("\"postId\":\"p\"", "\"postId\":null")]
    [InlineData("\"reasons\":[\"abnormal\"]", "\"reasons\":[null]")]
    [InlineData("\"reasons\":[\"abnormal\"]", "\"reasons\":null")]
    [InlineData("\"user-id\":\"user-1\"", "\"user-id\":null")]
    [InlineData("\"latencyMs\":42.5", "\"latencyMs\":\"NaN\"")]
    public void Rejects_nulls_and_wrong_types_inside_a_verdict(string valid, string invalid)
    {
        var json = JsonSerializer.Serialize(Verdicts.Flag("p", 1));
        Assert.Contains(valid, json);

        Assert.Null(VerdictJson.TryParse(Json(json.Replace(valid, invalid, StringComparison.Ordinal)), Max, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Rejects_a_value_over_the_size_limit()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(Verdicts.Flag(new string('x', 5_000), 1));

        Assert.NotNull(VerdictJson.TryParse(bytes, bytes.Length, out _));
        Assert.Null(VerdictJson.TryParse(bytes, bytes.Length - 1, out var error));
        Assert.Contains("exceeds", error);
    }
}
