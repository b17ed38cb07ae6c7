using Moderation.Onnx.Runtime;

namespace Moderation.Onnx.Tests.Runtime;

public class OnnxRuntimeInfoTests
{
    [Fact]
    public void Version_is_the_loaded_library_1_30_0()
    {
        Assert.Equal("1.30.0", OnnxRuntimeInfo.Version);
        Assert.Equal(30, OnnxRuntimeInfo.ApiVersion);
    }

    [Fact]
    public void Library_is_resolved_to_a_real_file_and_lists_the_cpu_provider()
    {
        var path = OnnxRuntimeInfo.LibraryPath;
        Assert.NotNull(path);
        Assert.True(File.Exists(path));
        Assert.EndsWith("libonnxruntime.so.1", path);
        Assert.Contains("CPUExecutionProvider", OnnxRuntimeInfo.AvailableProviders);
    }
}
