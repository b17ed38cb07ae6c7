using Microsoft.Extensions.Logging.Testing;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using Moderation.Scoring.Runtime;
using Moderation.Scoring.Tests.Support;

namespace Moderation.Scoring.Tests.Runtime;

/// <summary>On a machine without the CUDA 13 libraries (CI): what each execution provider setting does. The facts
/// about a machine without CUDA are skipped, with the reason, where ONNX Runtime finds CUDA.</summary>
public class ExecutionProviderTests
{
    [WithoutCudaTheory]
    [InlineData("cuda", 0)]
    [InlineData("cuda", 1)]
    [InlineData("tensorrt", 0)]
    public void Cuda_or_tensorrt_without_the_cuda_libraries_fails_with_onnx_runtimes_message_naming_the_missing_library(string provider, int deviceId)
    {
        var options = TestModels.Cpu(provider);
        options.DeviceId = deviceId;
        var ex = Assert.Throws<InvalidOperationException>(() => new OnnxModelSession(TestModels.Sigmoid, options, new FakeLogger()));
        Assert.Contains($"'{provider}' was requested", ex.Message);
        Assert.Matches(@"lib[a-zA-Z]+\.so\.\d+: cannot open shared object file", ex.Message); // e.g. libcublasLt.so.13
        Assert.IsType<OnnxRuntimeException>(ex.InnerException);
    }

    [WithoutCudaFact]
    public void Auto_falls_back_to_cpu_with_one_warning_and_still_runs()
    {
        var logger = new FakeLogger();
        using var session = new OnnxModelSession(TestModels.Sigmoid, TestModels.Cpu("auto"), logger);
        Assert.Equal("cpu", session.ExecutionProvider);
        var warning = Assert.Single(logger.Collector.GetSnapshot(), e => e.Level >= LogLevel.Warning);
        Assert.Contains("falling back to CPU", warning.Message);
        Assert.Contains("libonnxruntime_providers_cuda.so", warning.Message); // ONNX Runtime's reason
        Assert.Contains(logger.Collector.GetSnapshot(), e => e.Level == LogLevel.Information && e.Message.Contains("on the cpu execution provider"));
        var y = session.Run([0f, 2f], 1).Single().Data;
        Assert.Equal(0.5f, y[0], 6);
        Assert.Equal(1 / (1 + MathF.Exp(-2)), y[1], 6);
    }

    [Fact]
    public void Cpu_logs_no_warning()
    {
        var logger = new FakeLogger();
        using var session = new OnnxModelSession(TestModels.Sigmoid, TestModels.Cpu(), logger);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public void Unknown_provider_or_negative_threads_is_a_validation_error_in_the_constructor()
    {
        var ex = Assert.Throws<ValidationException>(() => new OnnxModelSession(TestModels.Sigmoid, TestModels.Cpu("tpu"), new FakeLogger()));
        Assert.Contains("cpu, cuda, tensorrt, auto", ex.Message);
        Assert.Throws<ValidationException>(() => new OnnxModelSession(TestModels.Sigmoid, new OnnxSessionOptions { IntraOpThreads = -1 }, new FakeLogger()));
    }

    [Fact]
    public void Unknown_provider_fails_options_validation_at_start_up()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Onnx:ExecutionProvider"] = "gpu" }).Build();
        using var provider = new ServiceCollection().AddModerationScoring(configuration).BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("ExecutionProvider", ex.Message);
    }
}
