using Microsoft.Extensions.Logging.Testing;
using Microsoft.ML.OnnxRuntime;
using Moderation.Scoring.Runtime;
using Moderation.Scoring.Tests.Support;

namespace Moderation.Scoring.Tests.Runtime;

public class OnnxModelSessionTests
{
    [Fact]
    public void The_shipped_discriminator_declares_its_input_shape_and_outputs()
    {
        using var session = new OnnxModelSession(TestModels.Discriminator, TestModels.Cpu(), new FakeLogger());
        Assert.Equal("image", session.InputName);
        Assert.Equal([-1L, 1, 28, 28], session.InputShape);
        Assert.Equal([1, 28, 28], session.SampleShape);
        Assert.Equal(784, session.SampleLength);
        Assert.Equal(["logit", "features", "anomaly_score", "degenerate_score", "synthetic_score"], session.OutputNames);
        Assert.Equal(1, session.OutputSampleLength("anomaly_score"));
        Assert.True(session.OutputSampleLength("features") > 1);
        Assert.Equal("cpu", session.ExecutionProvider);
    }

    [Fact]
    public void Relu_fixture_gives_known_values_for_any_batch_size()
    {
        using var session = new OnnxModelSession(TestModels.Relu, TestModels.Cpu(), new FakeLogger());
        Assert.Equal([-1L, 4], session.InputShape);
        float[] input = [-1, 2, -3, 4, 5, -6, 7, -8, 9, 0, 0, 0];
        var three = session.Run(input, 3).Single();
        Assert.Equal([3, 4], three.Shape);
        Assert.Equal([0f, 2, 0, 4, 5, 0, 7, 0, 9, 0, 0, 0], three.Data);
        var one = session.Run(input.AsSpan(4), 1).Single();
        Assert.Equal([1, 4], one.Shape);
        Assert.Equal([5f, 0, 7, 0], one.Data);
    }

    [Fact]
    public void Running_into_the_callers_buffer_gives_the_same_values_as_copied_outputs()
    {
        using var session = new OnnxModelSession(TestModels.Discriminator, TestModels.Cpu(), new FakeLogger());
        const int n = 5;
        var images = TestModels.Images(n, seed: 3);
        string[] outputs = ["synthetic_score", "anomaly_score"];
        var copied = session.Run(images, n, outputs);
        var destination = new float[2 * n + 3];
        Array.Fill(destination, float.NaN);
        session.Run(images, n, outputs, destination);
        Assert.Equal(copied[0].Data, destination[..n]);
        Assert.Equal(copied[1].Data, destination[n..(2 * n)]);
        Assert.All(destination[(2 * n)..], v => Assert.True(float.IsNaN(v))); // nothing written past the outputs
    }

    [Fact]
    public void Run_rejects_short_spans_unknown_outputs_and_a_disposed_session()
    {
        var session = new OnnxModelSession(TestModels.Relu, TestModels.Cpu(), new FakeLogger());
        Assert.Throws<ArgumentException>(() => session.Run(new float[7], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => session.Run(new float[4], 0));
        Assert.Contains("nope", Assert.Throws<ArgumentException>(() => session.Run(new float[4], 1, ["nope"])).Message);
        Assert.Contains("does not fit", Assert.Throws<ArgumentException>(() => session.Run(new float[8], 2, ["image"], new float[7])).Message);
        session.Dispose();
        Assert.Throws<ObjectDisposedException>(() => session.Run(new float[4], 1));
    }

    [Fact]
    public void Missing_empty_and_corrupt_files_are_OnnxRuntimeExceptions_with_a_message()
    {
        var folder = Directory.CreateTempSubdirectory("moderation-scoring-");
        string In(string name) => Path.Combine(folder.FullName, name);
        var missing = Assert.Throws<OnnxRuntimeException>(() => new OnnxModelSession(In("absent.onnx"), TestModels.Cpu(), new FakeLogger()));
        Assert.Contains("absent.onnx", missing.Message);

        File.WriteAllBytes(In("empty.onnx"), []);
        Assert.False(string.IsNullOrWhiteSpace(
            Assert.Throws<OnnxRuntimeException>(() => new OnnxModelSession(In("empty.onnx"), TestModels.Cpu(), new FakeLogger())).Message));

        var bytes = File.ReadAllBytes(TestModels.Relu);
        new Random(7).NextBytes(bytes.AsSpan(0, bytes.Length / 2));
        File.WriteAllBytes(In("corrupt.onnx"), bytes);
        Assert.False(string.IsNullOrWhiteSpace(
            Assert.Throws<OnnxRuntimeException>(() => new OnnxModelSession(In("corrupt.onnx"), TestModels.Cpu(), new FakeLogger())).Message));
        folder.Delete(recursive: true);
    }

    [Fact]
    public void The_loaded_native_library_is_the_referenced_package_version()
    {
        Assert.Equal("1.30.0", OrtEnv.Instance().GetVersionString());
    }
}
