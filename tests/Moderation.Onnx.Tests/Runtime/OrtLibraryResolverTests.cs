using Moderation.Onnx.Runtime.Interop;

namespace Moderation.Onnx.Tests.Runtime;

public class OrtLibraryResolverTests
{
    [Fact]
    public void Probes_base_directory_then_environment_variable_then_repository_native_folders()
    {
        var previous = Environment.GetEnvironmentVariable(OrtLibraryResolver.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(OrtLibraryResolver.EnvironmentVariable, "/opt/ort/lib/libonnxruntime.so.1");
            var candidates = OrtLibraryResolver.Candidates().ToList();
            Assert.Equal(Path.Combine(AppContext.BaseDirectory, "libonnxruntime.so.1"), candidates[0]);
            Assert.Equal("/opt/ort/lib/libonnxruntime.so.1", candidates[1]);
            Assert.All(candidates.Skip(2), c => Assert.EndsWith(".native/onnxruntime/libonnxruntime.so.1", c));
            Assert.Contains(candidates.Skip(2), File.Exists); // the repository checkout's .native/onnxruntime

            Environment.SetEnvironmentVariable(OrtLibraryResolver.EnvironmentVariable, AppContext.BaseDirectory);
            Assert.Equal(Path.Combine(AppContext.BaseDirectory, "libonnxruntime.so.1"), OrtLibraryResolver.Candidates().ElementAt(1));
        }
        finally
        {
            Environment.SetEnvironmentVariable(OrtLibraryResolver.EnvironmentVariable, previous);
        }
    }
}
