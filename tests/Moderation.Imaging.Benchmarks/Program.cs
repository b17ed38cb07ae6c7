using BenchmarkDotNet.Running;

// BenchmarkDotNet's switcher: `--list flat`, `--filter '*Jpeg*'`, `--job short`, `--artifacts <dir>`.
BenchmarkSwitcher.FromAssembly(typeof(Moderation.Imaging.Benchmarks.SampleImages).Assembly).Run(args);
