using Moderation.Evaluation.Results;
using Moderation.Evaluation.Tests.Fixtures;

namespace Moderation.Evaluation.Tests.Results;

public sealed class EvaluationMergeTests
{
    private static EvaluationResult Part(EvaluationResult whole, Func<int, bool> keep, string commandLine, double seconds) => whole with
    {
        Run = whole.Run with { CommandLine = commandLine, WallTimeSeconds = seconds },
        Kinds = [.. whole.Kinds.Select(k => ScoreKindResult.Create(k.Kind, k.Description, k.Classes.Where(c => keep(c.ClassIndex))))],
    };

    [Fact]
    public void Two_halves_merge_back_into_the_whole_run_with_its_aggregates()
    {
        var whole = SampleEvaluation.Build();
        var low = Part(whole, c => c < 5, "evaluate --classes 0,1,2,3,4", 100);
        var high = Part(whole, c => c >= 5, "evaluate --classes 5,6,7,8,9", 140);

        var merged = EvaluationMerge.Merge([high, low], "evaluate --merge a,b", TimeProvider.System);

        Assert.Equal(EvaluationJson.Serialize(whole with { Run = merged.Run }), EvaluationJson.Serialize(merged));
        Assert.NotEqual(low.Kinds[0].Aggregate, merged.Kinds[0].Aggregate); // recomputed over ten classes, not copied
        Assert.Equal(140, merged.Run.WallTimeSeconds);
        Assert.Equal("evaluate --merge a,b; parts: evaluate --classes 5,6,7,8,9 (140 s); evaluate --classes 0,1,2,3,4 (100 s)", merged.Run.CommandLine);
    }

    [Fact]
    public void Parts_of_different_protocols_or_with_a_shared_class_are_refused()
    {
        var whole = SampleEvaluation.Build();
        var low = Part(whole, c => c < 5, "low", 1);
        var high = Part(whole, c => c >= 5, "high", 1);

        Assert.Throws<ArgumentException>(() => EvaluationMerge.Merge([low, high with { Run = high.Run with { Seed = 8 } }], "m", TimeProvider.System));
        Assert.Throws<ArgumentException>(() => EvaluationMerge.Merge([low, high with { NormalDefinition = "other" }], "m", TimeProvider.System));
        Assert.Throws<ArgumentException>(() => EvaluationMerge.Merge([low, Part(whole, c => c >= 4, "overlap", 1)], "m", TimeProvider.System));
        Assert.Throws<ArgumentException>(() => EvaluationMerge.Merge([low], "m", TimeProvider.System));
    }
}
