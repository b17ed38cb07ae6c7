using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Moderation.Cli.Commands;
using Moderation.Core.Models;
using Moderation.Imaging;
using Moderation.Tools.Imaging;
using Moderation.Training.Data;

namespace Moderation.Integration.Tests;

/// <summary><c>moderation score</c> on real files: Fashion-MNIST test images written as PNG and JPEG into nested
/// folders, a truncated PNG and a text file, scored with the shipped model.</summary>
public sealed class ScoreCommandTests : IDisposable
{
    private const int PerClass = 40;
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("moderation-score-");
    private readonly string model = ShippedModel();

    public ScoreCommandTests()
    {
        var test = FashionMnist.LoadTest();
        var trousers = Enumerable.Range(0, test.Count).Where(i => test.Labels[i] == 1).Take(PerClass).ToList();
        var bags = Enumerable.Range(0, test.Count).Where(i => test.Labels[i] == 8).Take(PerClass).ToList();
        Directory.CreateDirectory(Path.Combine(folder.FullName, "trousers"));
        Directory.CreateDirectory(Path.Combine(folder.FullName, "bags", "jpeg"));
        foreach (var i in trousers) File.WriteAllBytes(Path.Combine(folder.FullName, "trousers", $"{i:D5}.png"), ImageEncoder.EncodePng(test.Image(i), 28, 28));
        foreach (var i in bags) File.WriteAllBytes(Path.Combine(folder.FullName, "bags", "jpeg", $"{i:D5}.jpg"), ImageEncoder.EncodeJpeg(test.Image(i), 28, 28, 90));
        var png = ImageEncoder.EncodePng(test.Image(trousers[0]), 28, 28);
        File.WriteAllBytes(Path.Combine(folder.FullName, "truncated.png"), png[..(png.Length / 2)]);
        File.WriteAllText(Path.Combine(folder.FullName, "notes.txt"), "not an image");
    }

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Json_lines_give_each_file_its_verdict_or_dead_letter_reason_and_the_summary_counts_them()
    {
        var (code, output, error) = await Run("score", folder.FullName, "--model", model);

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2 * PerClass + 2, lines.Count);
        var byFile = lines.ToDictionary(l => Path.GetRelativePath(folder.FullName, l.GetProperty("file").GetString()!));
        Assert.Equal(Directory.GetFiles(folder.FullName, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal),
            lines.Select(l => l.GetProperty("file").GetString()));
        Assert.Equal("corrupt", byFile["truncated.png"].GetProperty("dlqReason").GetString());
        Assert.Equal("unsupported-type", byFile["notes.txt"].GetProperty("dlqReason").GetString());
        Assert.False(byFile["notes.txt"].TryGetProperty("scores", out _));

        var (card, _) = ModelCardStore.LoadVerified(model);
        var scored = lines.Where(l => l.TryGetProperty("scores", out _)).ToList();
        Assert.All(scored, l =>
        {
            Assert.Equal($"{card.Name}@{card.Onnx.Sha256[..12]}", l.GetProperty("modelVersion").GetString());
            foreach (var t in card.Thresholds)
            {
                var score = l.GetProperty("scores").GetProperty(t.Reason).GetDouble();
                Assert.Equal(t.Value, l.GetProperty("thresholds").GetProperty(t.Reason).GetDouble());
                Assert.Equal(score > t.Value, l.GetProperty("reasons").EnumerateArray().Any(r => r.GetString() == t.Reason));
            }

            Assert.Equal(l.GetProperty("reasons").GetArrayLength() > 0, l.GetProperty("flagged").GetBoolean());
        });
        // The shipped model's verdict flags about 1 % of test trousers and nearly every bag (model card, evaluation).
        var flaggedTrousers = scored.Count(l => l.GetProperty("file").GetString()!.Contains("/trousers/") && l.GetProperty("flagged").GetBoolean());
        var flaggedBags = scored.Count(l => l.GetProperty("file").GetString()!.Contains("/bags/") && l.GetProperty("flagged").GetBoolean());
        Assert.InRange(flaggedTrousers, 0, 3);
        Assert.InRange(flaggedBags, PerClass - 2, PerClass);
        Assert.StartsWith($"files {2 * PerClass + 2}, flagged {flaggedTrousers + flaggedBags}, dead-lettered 2, unreadable 0; ", error);
        Assert.Contains("images/s", error);
    }

    [Fact]
    public async Task Csv_has_a_header_and_one_row_per_file_with_the_same_outcomes_as_json()
    {
        var files = new[] { Path.Combine(folder.FullName, "truncated.png"), Path.Combine(folder.FullName, "trousers") };
        var (code, output, _) = await Run(["score", .. files, "--model", model, "--format", "csv"]);
        var (_, json, _) = await Run(["score", .. files, "--model", model]);

        Assert.Equal(0, code);
        using var csv = new CsvReader(new StringReader(output), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var jsonLines = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(PerClass + 1, rows.Count);
        Assert.Equal(["file", "flagged", "reasons", "abnormal", "degenerate", "synthetic", "threshold_abnormal", "threshold_degenerate", "threshold_synthetic", "modelVersion", "dlqReason", "error"], rows[0].Keys);
        Assert.Equal("corrupt", rows[0]["dlqReason"]);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.Equal(jsonLines[i].GetProperty("file").GetString(), rows[i]["file"]);
            Assert.Equal(jsonLines[i].GetProperty("scores").GetProperty("abnormal").GetDouble(), double.Parse((string)rows[i]["abnormal"], CultureInfo.InvariantCulture));
            Assert.Equal(jsonLines[i].GetProperty("flagged").GetBoolean() ? "true" : "false", rows[i]["flagged"]);
        }
    }

    [Fact]
    public async Task A_missing_path_is_a_usage_error_naming_it()
    {
        var (code, output, error) = await Run("score", Path.Combine(folder.FullName, "absent"), "--model", model);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("no such file or folder", error);
        Assert.Contains("absent", error);
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string ShippedModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models", "fashion-trouser");
            if (File.Exists(Path.Combine(candidate, "model-card.json"))) return candidate;
        }

        throw new DirectoryNotFoundException("models/fashion-trouser not found above " + AppContext.BaseDirectory);
    }
}
