using System.Runtime.InteropServices;

namespace Moderation.Training.Torch;

internal static partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "mt_classifier_create")]
    internal static partial int ClassifierCreate(TorchModuleHandle network, double learningRate, double beta1, double beta2,
        out TorchClassifierHandle classifier);

    [LibraryImport(Library, EntryPoint = "mt_classifier_free")]
    internal static partial void ClassifierFree(nint classifier);

    [LibraryImport(Library, EntryPoint = "mt_classifier_step")]
    internal static unsafe partial int ClassifierStep(TorchClassifierHandle classifier, float* real, long realBatch,
        float* fake, long fakeBatch, float realLabel, float* stats, int statsLength);

    [LibraryImport(Library, EntryPoint = "mt_classifier_step_labels")]
    internal static unsafe partial int ClassifierStepLabels(TorchClassifierHandle classifier, float* inputs, long batch,
        long* labels, float* stats, int statsLength);
}
