// The C API binding that lived in Moderation.Onnx.Runtime was replaced by ONNX Runtime's managed API in
// Moderation.Scoring.Runtime (imported for this project in the .csproj). Export tests still name the old namespace in a
// using directive; this empty declaration keeps it resolvable until those tests are rewritten.
#pragma warning disable IDE0161
namespace Moderation.Onnx.Runtime
{
}
