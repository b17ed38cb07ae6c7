using Moderation.Retraining.Promotion;
using Moderation.Tools.Imaging;
using Moderation.Training.Data;

namespace Moderation.Retraining.Tests.Promotion;

/// <summary>Real reviewed posts on disk for <see cref="FolderReviewedPostSource"/>: dismissed = trouser TRAINING images
/// (PNG), confirmed = other classes' TEST images (JPEG), plus one corrupt file of each kind the pre-processor rejects.</summary>
internal static class ReviewedFolder
{
    public static string Write(string root, int dismissed, int confirmed)
    {
        var train = TestData.Train;
        var test = FashionMnist.LoadTest();
        var trousers = Enumerable.Range(0, train.Count).Where(i => train.Labels[i] == 1).Take(dismissed);
        Directory.CreateDirectory(Path.Combine(root, FolderReviewedPostSource.DismissedFolder));
        foreach (var i in trousers)
            File.WriteAllBytes(Path.Combine(root, FolderReviewedPostSource.DismissedFolder, $"train-{i}.png"), ImageEncoder.EncodePng(train.Image(i), 28, 28));
        var others = Enumerable.Range(0, test.Count).Where(i => test.Labels[i] != 1).Take(confirmed);
        Directory.CreateDirectory(Path.Combine(root, FolderReviewedPostSource.ConfirmedFolder));
        foreach (var i in others)
            File.WriteAllBytes(Path.Combine(root, FolderReviewedPostSource.ConfirmedFolder, $"test-{i}.jpg"), ImageEncoder.EncodeJpeg(test.Image(i), 28, 28, 90));
        var png = ImageEncoder.EncodePng(train.Image(0), 28, 28);
        File.WriteAllBytes(Path.Combine(root, FolderReviewedPostSource.DismissedFolder, "truncated.png"), png[..(png.Length / 2)]);
        return root;
    }
}
