using Moderation.Training.Torch;

namespace Moderation.Training.Gan;

/// <summary>Running means of step figures and the images/s since creation.</summary>
internal sealed class StepAverage(TimeProvider time)
{
    private readonly long _start = time.GetTimestamp();
    private double _d, _g, _real, _fake;
    private int _steps;
    private long _images;

    public void Add(GanStepResult result, int batch)
    {
        _d += result.DiscriminatorLoss;
        _g += result.GeneratorLoss;
        _real += result.RealProbability;
        _fake += result.FakeProbability;
        _steps++;
        _images += batch;
    }

    public TrainingProgress ToProgress(int epoch, int epochs, int step, int stepsPerEpoch)
    {
        double seconds = time.GetElapsedTime(_start).TotalSeconds;
        int n = Math.Max(_steps, 1);
        return new TrainingProgress(epoch, epochs, step, stepsPerEpoch, _d / n, _g / n, _real / n, _fake / n,
            seconds > 0 ? _images / seconds : 0);
    }
}
