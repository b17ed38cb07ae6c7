using Moderation.Core.Networks;
using Moderation.Onnx.Runtime;
using Moderation.Onnx.Tests.Support;

namespace Moderation.Onnx.Tests.Runtime;

public class OnnxModelSessionTests
{
    private static readonly NetworkSpec Tiny = new("tiny", [4], [new ActivationSpec(ActivationKind.Relu)]);

    [Fact]
    public void Exposes_names_shape_and_provider_and_runs_any_batch_size()
    {
        using var folder = new TempFolder();
        using var session = Sessions.ExportAndOpen(folder, Tiny, new Dictionary<string, NamedTensor>());
        Assert.Equal(["z"], session.InputNames);
        Assert.Equal(["image"], session.OutputNames);
        Assert.Equal([-1L, 4L], session.InputShape);
        Assert.Equal(4, session.SampleLength);
        Assert.Equal("cpu", session.ExecutionProvider);

        float[] input = [-1, 2, -3, 4, 5, -6, 7, -8, 9, 0, 0, 0];
        var three = session.Run(input, 3).Single();
        Assert.Equal([3, 4], three.Shape);
        Assert.Equal([0f, 2, 0, 4, 5, 0, 7, 0, 9, 0, 0, 0], three.Data);
        var one = session.Run(input.AsSpan(4), 1).Single();
        Assert.Equal([1, 4], one.Shape);
        Assert.Equal([5f, 0, 7, 0], one.Data);
    }

    [Fact]
    public void Run_rejects_short_input_unknown_outputs_and_a_disposed_session()
    {
        using var folder = new TempFolder();
        var session = Sessions.ExportAndOpen(folder, Tiny, new Dictionary<string, NamedTensor>());
        Assert.Throws<ArgumentException>(() => session.Run(new float[7], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => session.Run(new float[4], 0));
        var unknown = Assert.Throws<ArgumentException>(() => session.Run(new float[4], 1, ["nope"]));
        Assert.Contains("nope", unknown.Message);
        session.Dispose();
        Assert.Throws<ObjectDisposedException>(() => session.Run(new float[4], 1));
    }

    [Fact]
    public void Missing_file_is_an_OnnxRuntimeException_with_the_ort_code()
    {
        using var folder = new TempFolder();
        var ex = Assert.Throws<OnnxRuntimeException>(() => new OnnxModelSession(folder.File("absent.onnx"), Sessions.Cpu(), new ListLogger()));
        Assert.Equal(OnnxRuntimeErrorCode.NoSuchFile, ex.ErrorCode);
        Assert.Contains("absent.onnx", ex.Message);
    }

    [Fact]
    public void Empty_file_is_an_OnnxRuntimeException_with_a_message()
    {
        using var folder = new TempFolder();
        var path = folder.File("empty.onnx");
        File.WriteAllBytes(path, []);
        var ex = Assert.Throws<OnnxRuntimeException>(() => new OnnxModelSession(path, Sessions.Cpu(), new ListLogger()));
        Assert.NotEqual(OnnxRuntimeErrorCode.Ok, ex.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void Corrupted_file_is_an_OnnxRuntimeException_with_a_message()
    {
        using var folder = new TempFolder();
        var path = folder.File("tiny.onnx");
        Onnx.Export.NetworkOnnxExporter.Export(Tiny, new Dictionary<string, NamedTensor>(), path, new());
        var bytes = File.ReadAllBytes(path);
        new Random(7).NextBytes(bytes.AsSpan(0, bytes.Length / 2));
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<OnnxRuntimeException>(() => new OnnxModelSession(path, Sessions.Cpu(), new ListLogger()));
        Assert.NotEqual(OnnxRuntimeErrorCode.Ok, ex.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }
}
