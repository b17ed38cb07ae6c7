using System.Security.Cryptography;
using Moderation.Core.Networks;
using Moderation.Export;
using Moderation.Export.Proto;
using Moderation.Export.Tests.Support;

namespace Moderation.Export.Tests;

/// <summary>The written bytes, read back with the generated protobuf types, and the exporter's argument checks.</summary>
public class ExportedModelFormatTests : IDisposable
{
    private static readonly NetworkSpec Discriminator = DcganSpecs.Discriminator(width: 8);
    private static readonly Dictionary<string, NamedTensor> DParams = RandomParameters.For(Discriminator, seed: 1);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Header_opset_batch_dimension_and_parameter_names()
    {
        var path = folder.File("d.onnx");
        var sha = NetworkOnnxExporter.Export(Discriminator, DParams, path, new OnnxExportOptions());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), sha);
        Assert.False(File.Exists(path + ".tmp"));

        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        Assert.Equal(8, model.IrVersion);
        var opset = Assert.Single(model.OpsetImport);
        Assert.Equal((string.Empty, 17L), (opset.Domain, opset.Version));
        Assert.Equal("moderation", model.ProducerName);
        Assert.Contains(model.MetadataProps, p => p.Key == "moderation.spec" && p.Value == Discriminator.ToNativeSpec());
        Assert.Contains(model.MetadataProps, p => p.Key == "moderation.anomaly_score" && p.Value == "neg_logit");

        var input = Assert.Single(model.Graph.Input);
        Assert.Equal("image", input.Name);
        Assert.Equal(["N", "1", "28", "28"], Dims(input));
        Assert.Equal(["logit", "features", "anomaly_score"], model.Graph.Output.Select(o => o.Name));
        Assert.Equal(["N", "784"], Dims(model.Graph.Output[1]));
        Assert.Equal(["Conv", "LeakyRelu", "Conv", "BatchNormalization", "LeakyRelu", "Flatten", "Gemm", "Identity", "Neg"],
            model.Graph.Node.Select(n => n.OpType));
        Assert.Equal(["0.weight", "2.weight", "3.weight", "3.bias", "3.running_mean", "3.running_var", "6.weight", "6.bias"],
            model.Graph.Initializer.Select(i => i.Name));
        var conv = model.Graph.Initializer[0];
        Assert.Equal([8L, 1, 4, 4], conv.Dims);
        Assert.Equal(DParams["0.weight"].Data, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(conv.RawData.Span).ToArray());
    }

    [Fact]
    public void Missing_or_misshaped_parameters_are_named_in_the_error()
    {
        var missing = new Dictionary<string, NamedTensor>(DParams);
        missing.Remove("3.running_var");
        Assert.Contains("3.running_var", Assert.Throws<ArgumentException>(() => Export(missing)).Message);

        var wrong = new Dictionary<string, NamedTensor>(DParams) { ["6.weight"] = new("6.weight", [784, 1], new float[784]) };
        Assert.Contains("6.weight", Assert.Throws<ArgumentException>(() => Export(wrong)).Message);
    }

    [Fact]
    public void Spec_mismatches_are_argument_errors()
    {
        var pastTheEnd = Discriminator with { FeatureLayer = Discriminator.Layers.Count };
        Assert.Throws<ArgumentException>(() => NetworkOnnxExporter.Export(
            pastTheEnd, DParams, folder.File("p.onnx"), new OnnxExportOptions()));
        var twoLogits = new NetworkSpec("d2", [4], [new LinearSpec(4, 2, true)], FeatureLayer: 0);
        Assert.Throws<ArgumentException>(() => NetworkOnnxExporter.Export(
            twoLogits, RandomParameters.For(twoLogits, 1), folder.File("d2.onnx"), new OnnxExportOptions()));
    }

    private string Export(Dictionary<string, NamedTensor> parameters, OnnxExportOptions? options = null) =>
        NetworkOnnxExporter.Export(Discriminator, parameters, folder.File("x.onnx"), options ?? new OnnxExportOptions());

    private static string[] Dims(ValueInfoProto value) =>
        value.Type.TensorType.Shape.Dim.Select(d => d.HasDimParam ? d.DimParam : d.DimValue.ToString()).ToArray();
}
