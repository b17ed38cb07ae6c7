using Moderation.Core.Networks;
using Moderation.Export;
using Moderation.Scoring.Runtime;

namespace Moderation.Export.Tests.Support;

/// <summary>Export a spec and open it in ONNX Runtime on the CPU with one thread (2-core CI machine).</summary>
public static class Sessions
{
    public static OnnxSessionOptions Cpu(string provider = OnnxExecutionProviders.Cpu) =>
        new() { ExecutionProvider = provider, IntraOpThreads = 1, InterOpThreads = 1 };

    public static OnnxModelSession ExportAndOpen(
        TempFolder folder, NetworkSpec spec, IReadOnlyDictionary<string, NamedTensor> parameters, OnnxExportOptions? options = null)
    {
        var path = folder.File($"{spec.Name}-{Guid.NewGuid():N}.onnx");
        NetworkOnnxExporter.Export(spec, parameters, path, options ?? new OnnxExportOptions());
        return new OnnxModelSession(path, Cpu(), new ListLogger());
    }

    public static NamedTensor Output(this IReadOnlyList<NamedTensor> outputs, string name) => outputs.Single(o => o.Name == name);

    public static NamedTensor Param(string name, int[] shape, params float[] data) => new(name, shape, data);
}
