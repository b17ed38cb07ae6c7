using System.Diagnostics;
using System.Globalization;
using Moderation.Training.Gan;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Moderation.Cli.Progress;

/// <summary>
/// Live GAN-training progress on the console (Spectre.Console): the stage, epoch/step, D and G losses, D(x), D(G(z)),
/// images/s and an ETA for the GAN being trained; one summary row per finished GAN run. Fed through
/// <see cref="IProgress{T}"/> by the training library on the training thread; rendered by a live display.
/// </summary>
internal sealed class TrainingProgressView : IProgress<TrainingProgress>
{
    private readonly List<(string Stage, TrainingProgress Last, double Seconds)> _runs = [];
    private readonly Stopwatch _run = new();
    private TrainingProgress? _last;
    private LiveDisplayContext? _context;

    /// <summary>What is being trained, e.g. <c>GAN 1 of 2</c> or <c>class 3 (Dress), 4 of 10</c>.</summary>
    public string Stage { get; set; } = "";

    /// <summary>Runs <paramref name="work"/> under a live display of this view; returns its result.</summary>
    public T Show<T>(Func<T> work)
    {
        T result = default!;
        AnsiConsole.Live(Render()).AutoClear(false).Start(context =>
        {
            _context = context;
            result = work();
            context.UpdateTarget(Render());
        });
        _context = null;
        return result;
    }

    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_last is { } previous && (value.Epoch < previous.Epoch || (value.Epoch == previous.Epoch && value.Step < previous.Step)))
            EndRun(previous);
        if (!_run.IsRunning) _run.Restart();
        _last = value;
        if (value.Epoch == value.Epochs && value.Step == value.StepsPerEpoch) EndRun(value);
        _context?.UpdateTarget(Render());
    }

    /// <summary>The finished GAN runs: stage, last epoch's figures, wall time.</summary>
    public Table Summary()
    {
        var table = new Table().Title("GAN training").AddColumns("#", "stage", "epochs", "D loss", "G loss", "D(x)", "D(G(z))", "images/s", "wall s");
        foreach (var ((stage, p, seconds), i) in _runs.Select((r, i) => (r, i + 1)))
            table.AddRow($"{i}", Markup.Escape(stage), $"{p.Epochs}", F(p.DiscriminatorLoss, "F3"), F(p.GeneratorLoss, "F3"),
                F(p.RealProbability, "F2"), F(p.FakeProbability, "F2"), F(p.ImagesPerSecond, "F0"), F(seconds, "F0"));
        return table;
    }

    private void EndRun(TrainingProgress last)
    {
        _runs.Add((Stage, last, _run.Elapsed.TotalSeconds));
        _run.Reset();
        _last = null;
    }

    private IRenderable Render()
    {
        var grid = new Grid().AddColumns(2);
        grid.AddRow(new Markup("[bold]stage[/]"), new Markup(Markup.Escape(Stage.Length > 0 ? Stage : "preparing")));
        if (_last is { } p)
        {
            double done = ((p.Epoch - 1) * (double)p.StepsPerEpoch + p.Step) / ((double)p.Epochs * p.StepsPerEpoch);
            double elapsed = _run.Elapsed.TotalSeconds;
            var eta = done > 0 ? TimeSpan.FromSeconds(elapsed * (1 - done) / done) : TimeSpan.Zero;
            grid.AddRow(new Markup("[bold]GAN[/]"), new Markup(string.Create(CultureInfo.InvariantCulture,
                $"epoch {p.Epoch}/{p.Epochs}  step {p.Step}/{p.StepsPerEpoch}  D loss {p.DiscriminatorLoss:F3}  G loss {p.GeneratorLoss:F3}  " +
                $"D(x) {p.RealProbability:F2}  D(G(z)) {p.FakeProbability:F2}  {p.ImagesPerSecond:F0} images/s  ETA {eta:mm\\:ss}")));
            int filled = (int)Math.Round(done * 40);
            grid.AddRow(new Markup(""), new Markup($"[green]{new string('━', filled)}[/][grey]{new string('━', 40 - filled)}[/] {done:P0}"));
        }
        grid.AddRow(new Markup("[bold]done[/]"), new Markup($"{_runs.Count} GAN run(s)"));
        return grid;
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
