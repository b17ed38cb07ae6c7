using Moderation.Training.Pipelines;

namespace Moderation.Training.Tests.Pipelines;

public sealed class TrainingPipelineTests
{
    private const string Valid = """
        {
          "name": "test-pipeline",
          "dataset": { "kind": "fashion-mnist", "normalClasses": [1] },
          "hyperparameters": { "epochs": 3 },
          "outputFolder": "models/test-pipeline"
        }
        """;

    [Fact]
    public void DefaultPipelineTrainsOnTrousers()
    {
        var pipeline = TrainingPipeline.Load(Path.Combine(TestData.RepoRoot(), TrainingPipeline.DefaultFile));
        Assert.Equal("fashion-trouser", pipeline.Name);
        Assert.Equal(PipelineDataset.FashionMnistKind, pipeline.Dataset!.Kind);
        Assert.Equal([1], pipeline.Dataset.NormalClasses);
        Assert.Equal("/usr/share/datasets/fashion-mnist", pipeline.Dataset.ResolvedPath);
        Assert.Equal("models/fashion-trouser", pipeline.OutputFolder);
        var h = pipeline.Hyperparameters;
        // DCGAN recipe (Radford et al. 2016); a fifth of the normal images held out for calibration at 1% FPR.
        Assert.Equal((64, 2e-4, 0.5, 0.999, 100, 0.2, 0.01), (h.BatchSize, h.LearningRate, h.Beta1, h.Beta2, h.LatentSize, h.CalibrationFraction, h.TargetFpr));
    }

    [Fact]
    public void ShippedModelWasTrainedByTheDefaultPipeline()
    {
        var pipeline = TrainingPipeline.Load(Path.Combine(TestData.RepoRoot(), TrainingPipeline.DefaultFile));
        var (card, _) = Moderation.Core.Models.ModelCardStore.LoadVerified(Path.Combine(TestData.RepoRoot(), pipeline.OutputFolder));
        Assert.Equal(pipeline.Name, card.Name);
        Assert.Equal(pipeline.Dataset!.NormalClasses, card.Dataset.NormalClasses);
        foreach (var (name, value) in pipeline.Hyperparameters.ToDictionary())
            Assert.True(card.Hyperparameters.TryGetValue(name, out var recorded) && recorded == value, $"model card records {name} = {recorded}, pipeline says {value}");
    }

    [Fact]
    public void OmittedFieldsTakeTheirDocumentedDefaults()
    {
        var pipeline = TrainingPipeline.Parse(Valid);
        Assert.Equal(3, pipeline.Hyperparameters.Epochs);
        Assert.Equal(new TrainingHyperparameters() with { Epochs = 3 }, pipeline.Hyperparameters);
        Assert.Equal("/usr/share/datasets/fashion-mnist", pipeline.Dataset!.ResolvedPath);
    }

    [Fact]
    public void ToJsonParsesBackToTheSameValues()
    {
        var pipeline = TrainingPipeline.Parse(Valid);
        var again = TrainingPipeline.Parse(pipeline.ToJson());
        Assert.Equal(pipeline.Hyperparameters, again.Hyperparameters);
        Assert.Equal(pipeline.Dataset!.NormalClasses, again.Dataset!.NormalClasses);
        Assert.Equal((pipeline.Name, pipeline.OutputFolder), (again.Name, again.OutputFolder));
    }

    [Theory]
    [InlineData("\"epochs\": 3", "\"batchSize\": 0", "hyperparameters.batchSize must be in [2, 4096] (got 0)")]
    [InlineData("\"epochs\": 3", "\"beta1\": 1.0", "hyperparameters.beta1 must be in [0, 1) (got 1)")]
    [InlineData("\"epochs\": 3", "\"targetFpr\": 0", "hyperparameters.targetFpr must be in (0, 1) (got 0)")]
    [InlineData("\"epochs\": 3", "\"epochs\": \"ten\"", "hyperparameters.epochs:")]
    [InlineData("\"epochs\": 3", "\"epoch\": 3", "'epoch'")]
    [InlineData("\"kind\": \"fashion-mnist\"", "\"kind\": \"mnist\"", "dataset.kind must be 'fashion-mnist' or 'folder' (got 'mnist')")]
    [InlineData("\"normalClasses\": [1]", "\"normalClasses\": [1, 12]", "dataset.normalClasses: 12 is not a Fashion-MNIST class 0–9")]
    [InlineData("\"normalClasses\": [1]", "\"normalClasses\": []", "dataset.normalClasses must name at least one class")]
    [InlineData("\"kind\": \"fashion-mnist\", ", "\"kind\": \"folder\", ", "dataset.path is required for kind 'folder'")]
    [InlineData("\"name\": \"test-pipeline\"", "\"name\": \"Test Pipeline\"", "name must be lower-case letters")]
    [InlineData("\"outputFolder\": \"models/test-pipeline\"", "\"outputFolder\": \"\"", "outputFolder is required")]
    [InlineData("\"epochs\": 3 }", "\"epochs\": 3 }, \"promotion\": { \"generatorSamples\": 0 }", "promotion.generatorSamples must be in [1, 100000] (got 0)")]
    [InlineData("\"epochs\": 3 }", "\"epochs\": 3 }, \"promotion\": { \"minAurocDelta\": 2 }", "promotion.minAurocDelta must be in [-1, 1] (got 2)")]
    [InlineData("\"epochs\": 3 }", "\"epochs\": 3 }, \"promotion\": { \"maxAuroc\": 1 }", "'maxAuroc'")]
    public void InvalidValuesAreReportedWithTheirField(string replace, string with, string expected)
    {
        Assert.Contains(replace, Valid);
        var e = Assert.Throws<PipelineValidationException>(() => TrainingPipeline.Parse(Valid.Replace(replace, with), "test.json"));
        Assert.Contains(e.Errors, error => error.Contains(expected, StringComparison.Ordinal));
        Assert.Contains("pipeline test.json is invalid", e.Message);
    }

    [Fact]
    public void EveryErrorIsReportedAtOnce()
    {
        var e = Assert.Throws<PipelineValidationException>(() => TrainingPipeline.Parse(
            """{ "name": "x", "hyperparameters": { "epochs": 0, "learningRate": -1 } }"""));
        Assert.Equal(4, e.Errors.Count);
        Assert.Contains(e.Errors, x => x.StartsWith("outputFolder", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.StartsWith("hyperparameters.epochs", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.StartsWith("hyperparameters.learningRate", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.StartsWith("dataset is required", StringComparison.Ordinal));
    }

    [Fact]
    public void The_retrain_pipeline_carries_its_promotion_gate_and_a_folder_data_set_needs_held_out_normal_images()
    {
        var pipeline = TrainingPipeline.Load(Path.Combine(TestData.RepoRoot(), "pipelines/fashion-trouser-retrain.json"));
        Assert.Equal(new PipelinePromotion { MinAurocDelta = -0.005, FprInsideInterval = true, MinTprDelta = 0, GeneratorSamples = 500 }, pipeline.Promotion);
        Assert.Null(TrainingPipeline.Parse(Valid).Promotion);
        var folder = Assert.Throws<PipelineValidationException>(() => TrainingPipeline.Parse(
            Valid.Replace("\"kind\": \"fashion-mnist\"", "\"kind\": \"folder\", \"path\": \"/tmp\"").Replace("\"epochs\": 3 }", "\"epochs\": 3 }, \"promotion\": {}")));
        Assert.Contains(folder.Errors, e => e.StartsWith("promotion.heldOutNormalPath is required", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingFileThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => TrainingPipeline.Load("/nonexistent/pipeline.json"));

    [Fact]
    public void HyperparametersBecomeModelCardEntries()
    {
        var entries = new TrainingHyperparameters().ToDictionary();
        Assert.Equal(10, entries.Count);
        Assert.Equal(2e-4, entries["learningRate"]);
        Assert.Equal(42, entries["seed"]);
    }
}
