using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Core.Networks;
using Moderation.Onnx.Export;
using Moderation.Onnx.Runtime;
using Moderation.Onnx.Tests.Support;

namespace Moderation.Onnx.Tests.Runtime;

public class ExecutionProviderTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string model;

    public ExecutionProviderTests()
    {
        model = folder.File("sigmoid.onnx");
        NetworkOnnxExporter.Export(new NetworkSpec("sigmoid", [2], [new ActivationSpec(ActivationKind.Sigmoid)]),
            new Dictionary<string, NamedTensor>(), model, new OnnxExportOptions());
    }

    public void Dispose() => folder.Dispose();

    /// <summary>The npm build lists CUDAExecutionProvider but ships neither libonnxruntime_providers_shared.so nor
    /// libonnxruntime_providers_cuda.so, so CUDA can never be set up from it; "cuda" must then fail clearly.</summary>
    private static bool CudaProviderLibrariesPresent =>
        new[] { "libonnxruntime_providers_shared.so", "libonnxruntime_providers_cuda.so" }
            .All(f => File.Exists(Path.Combine(Path.GetDirectoryName(OnnxRuntimeInfo.LibraryPath!)!, f)));

    [Theory]
    [InlineData(0)] // default device: CreateCUDAProviderOptions, then SessionOptionsAppendExecutionProvider_CUDA_V2 fails
    [InlineData(1)] // another device: UpdateCUDAProviderOptions(device_id) fails first
    public void Cuda_without_the_cuda_provider_is_a_clear_OnnxRuntimeException(int deviceId)
    {
        Assert.False(CudaProviderLibrariesPresent, "this test expects the npm build of ONNX Runtime without CUDA provider libraries");
        var options = Sessions.Cpu("cuda");
        options.DeviceId = deviceId;
        var ex = Assert.Throws<OnnxRuntimeException>(() => new OnnxModelSession(model, options, new ListLogger()));
        Assert.Contains("'cuda' was requested", ex.Message);
        Assert.Contains("CPUExecutionProvider", ex.Message);
        Assert.Contains("libonnxruntime_providers_shared.so", ex.Message);
        Assert.IsType<OnnxRuntimeException>(ex.InnerException);
        Assert.NotEqual(OnnxRuntimeErrorCode.Ok, ex.ErrorCode);
    }

    [Fact]
    public void Auto_falls_back_to_cpu_with_a_warning_and_still_runs()
    {
        var logger = new ListLogger();
        using var session = new OnnxModelSession(model, Sessions.Cpu("auto"), logger);
        Assert.Equal("cpu", session.ExecutionProvider);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("falling back to CPU", warning.Message);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("on the cpu execution provider"));
        var y = session.Run([0f, 2f], 1).Single().Data;
        Assert.Equal(0.5f, y[0], 6);
        Assert.Equal(1 / (1 + MathF.Exp(-2)), y[1], 6);
    }

    [Fact]
    public void Cpu_logs_no_warning()
    {
        var logger = new ListLogger();
        using var session = new OnnxModelSession(model, Sessions.Cpu(), logger);
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public void Unknown_provider_is_a_validation_error_in_the_constructor()
    {
        var ex = Assert.Throws<ValidationException>(() => new OnnxModelSession(model, Sessions.Cpu("tpu"), new ListLogger()));
        Assert.Contains("cpu, cuda, auto", ex.Message);
        Assert.Throws<ValidationException>(() => new OnnxModelSession(model, new OnnxSessionOptions { IntraOpThreads = -1 }, new ListLogger()));
    }

    [Fact]
    public void Unknown_provider_fails_options_validation_at_start_up()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Onnx:ExecutionProvider"] = "gpu" }).Build();
        var services = new ServiceCollection();
        services.AddOptions<OnnxSessionOptions>().Bind(configuration.GetSection(OnnxSessionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("ExecutionProvider", ex.Message);
    }
}
