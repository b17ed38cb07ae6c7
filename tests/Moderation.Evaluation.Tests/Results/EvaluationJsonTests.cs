using System.Text.Json;
using Moderation.Evaluation.Results;
using Moderation.Evaluation.Tests.Fixtures;

namespace Moderation.Evaluation.Tests.Results;

public class EvaluationJsonTests
{
    [Fact]
    public void Round_trip_keeps_every_figure()
    {
        var result = SampleEvaluation.Build();
        var json = EvaluationJson.Serialize(result);
        var back = EvaluationJson.Deserialize(json);

        Assert.Equal(json, EvaluationJson.Serialize(back));
        Assert.Equal(result.Run.Machine, back.Run.Machine);
        Assert.Equal(SampleEvaluation.Now, back.Run.CreatedAtUtc);
        Assert.Equal(result.Kinds.Select(k => k.Aggregate), back.Kinds.Select(k => k.Aggregate));
        var (original, copy) = (result.Kinds[0].Classes[6], back.Kinds[0].Classes[6]);
        Assert.Equal((original.Auroc, original.Auprc, original.Threshold, original.TprAtThreshold, original.RealisedFpr),
            (copy.Auroc, copy.Auprc, copy.Threshold, copy.TprAtThreshold, copy.RealisedFpr));
        Assert.Equal(original.Roc.Fpr, copy.Roc.Fpr);
        Assert.Equal(original.Histogram.AnomalousCounts, copy.Histogram.AnomalousCounts);
        Assert.Equal(original.PerAnomalousClass, copy.PerAnomalousClass);
    }

    [Fact]
    public void Json_is_indented_camel_case_with_arrays_on_one_line()
    {
        var json = EvaluationJson.Serialize(SampleEvaluation.Build(2));
        using var doc = JsonDocument.Parse(json);
        var cls = doc.RootElement.GetProperty("kinds")[0].GetProperty("classes")[0];
        Assert.Equal("T-shirt/top", cls.GetProperty("className").GetString());
        Assert.Equal(0.01, cls.GetProperty("targetFpr").GetDouble());
        Assert.Equal(7, doc.RootElement.GetProperty("run").GetProperty("seed").GetInt64());
        var fprLine = json.Split('\n').First(l => l.Contains("\"fpr\":", StringComparison.Ordinal)).Trim();
        Assert.StartsWith("\"fpr\": [0,", fprLine, StringComparison.Ordinal);
        Assert.EndsWith("1],", fprLine, StringComparison.Ordinal);
        Assert.Contains("the other nine classes' test images", json, StringComparison.Ordinal); // not \u0027
        Assert.InRange(json.Split('\n').Length, 100, 400); // 2 kinds × 2 classes: no line per array element
    }

    [Fact]
    public void Nan_train_seconds_survive_as_a_named_literal()
    {
        var result = SampleEvaluation.Build(1);
        var kind = result.Kinds[0];
        var withNan = result with { Kinds = [kind with { Classes = [kind.Classes[0] with { TrainSeconds = double.NaN }] }] };
        var json = EvaluationJson.Serialize(withNan);
        Assert.Contains("\"trainSeconds\": \"NaN\"", json, StringComparison.Ordinal);
        Assert.True(double.IsNaN(EvaluationJson.Deserialize(json).Kinds[0].Classes[0].TrainSeconds));
    }

    [Fact]
    public void A_newer_schema_or_a_missing_property_is_refused()
    {
        var json = EvaluationJson.Serialize(SampleEvaluation.Build(1) with { SchemaVersion = 99 });
        Assert.Throws<InvalidDataException>(() => EvaluationJson.Deserialize(json));
        Assert.Throws<JsonException>(() => EvaluationJson.Deserialize("{\"dataset\": \"x\"}"));
        Assert.Throws<InvalidDataException>(() => EvaluationJson.Deserialize("null"));
    }

    [Fact]
    public void Run_metadata_describes_this_machine_and_takes_the_time_from_the_provider()
    {
        var run = SampleEvaluation.Build(1).Run;
        Assert.Equal(Environment.ProcessorCount, run.Machine.ProcessorCount);
        Assert.False(string.IsNullOrWhiteSpace(run.Machine.Os));
        Assert.Equal(SampleEvaluation.Now, run.CreatedAtUtc);
        Assert.Equal(("moderation evaluate --epochs 2 --seed 7", 7L, 2, 123.4), (run.CommandLine, run.Seed, run.Epochs, run.WallTimeSeconds));
    }
}
