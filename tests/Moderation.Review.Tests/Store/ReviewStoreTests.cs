using Dapper;
using Moderation.Core.Review;
using Moderation.Review.Store;
using Moderation.Review.Tests.Support;
using System.Text.Json;

namespace Moderation.Review.Tests.Store;

/// <summary>The store against real databases: a SQLite file and a PostgreSQL server started for the run.</summary>
public sealed class ReviewStoreTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgresql" };

    private async Task<(ReviewDatabase Database, ReviewStore Store)> OpenAsync(string provider)
    {
        var database = new ReviewDatabase(provider == "sqlite" ? ReviewHost.TempSqlite() : await postgres.CreateDatabaseAsync());
        Assert.Equal(provider == "postgresql", database.IsPostgres);
        Assert.Equal([1], await Migrations.ApplyAsync(database, 1_000, CancellationToken.None));
        return (database, new ReviewStore(database));
    }

    private static IncomingFlag Flag(string postId, long receivedAt, string[]? reasons = null, string model = "m@1", byte[]? image = null)
    {
        var verdict = Verdicts.Flag(postId, receivedAt, reasons) with { ModelVersion = model };
        image ??= FashionImages.Png((int)(receivedAt % 100));
        return new IncomingFlag(verdict, JsonSerializer.Serialize(verdict), image, image.Length, ImageStates.Kept, "image/png", receivedAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_run_once_and_are_recorded(string provider)
    {
        var (database, _) = await OpenAsync(provider);

        Assert.Empty(await Migrations.ApplyAsync(database, 2_000, CancellationToken.None)); // a restart applies nothing
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var rows = (await connection.QueryAsync<(long Version, long AppliedAt)>("SELECT version, applied_at FROM schema_migrations")).ToList();
        Assert.Equal([(1L, 1_000L)], rows);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_redelivered_flag_is_stored_once_with_its_image_bytes(string provider)
    {
        var (_, store) = await OpenAsync(provider);
        var flag = Flag("post-1", 10);

        Assert.True(await store.AddFlagAsync(flag, CancellationToken.None));
        Assert.False(await store.AddFlagAsync(flag with { ReceivedAtMs = 11 }, CancellationToken.None));

        var image = await store.ImageAsync("post-1", CancellationToken.None);
        Assert.Equal(flag.Image, image!.Image);
        Assert.Equal("image/png", image.ContentType);
        Assert.Null(await store.ImageAsync("post-2", CancellationToken.None));
        var events = await store.EventsAfterAsync(0, 10, CancellationToken.None);
        Assert.Equal(["post-1"], events.Select(e => e.PostId));
        Assert.Equal(10, events[0].ReceivedAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Decisions_are_kept_with_reviewer_time_and_note_and_queued_for_publishing(string provider)
    {
        var (_, store) = await OpenAsync(provider);
        await store.AddFlagAsync(Flag("post-1", 10), CancellationToken.None);
        await store.AddFlagAsync(Flag("post-2", 20), CancellationToken.None);

        Assert.Equal(DecisionResult.Stored, await store.DecideAsync("post-1", ReviewDecision.Dismiss, "rita", "a plain trouser", 100, false, CancellationToken.None));
        Assert.Equal(DecisionResult.AlreadyDecided, await store.DecideAsync("post-1", ReviewDecision.Confirm, "rita", null, 101, false, CancellationToken.None));
        Assert.Equal(DecisionResult.NotFound, await store.DecideAsync("post-9", ReviewDecision.Confirm, "rita", null, 102, false, CancellationToken.None));
        Assert.Equal(DecisionResult.Stored, await store.DecideAsync("post-1", ReviewDecision.Confirm, "adam", null, 103, true, CancellationToken.None));

        var decided = Assert.Single(await store.ListAsync(new PostQuery(null, "decided", null, 10), CancellationToken.None));
        Assert.Equal(("post-1", "confirm", "adam", 103L, (string?)null), (decided.PostId, decided.Decision, decided.Reviewer, decided.DecidedAt, decided.Note));
        Assert.Equal(["post-2"], (await store.ListAsync(new PostQuery(null, "undecided", null, 10), CancellationToken.None)).Select(p => p.PostId));
        var outbox = await store.UnpublishedAsync(10, CancellationToken.None);
        Assert.Equal([("dismiss", "rita", "a plain trouser"), ("confirm", "adam", null)], outbox.Select(o => (o.Decision, o.Reviewer, o.Note)));
        await store.MarkPublishedAsync(outbox[0].Id, 200, CancellationToken.None);
        Assert.Equal([outbox[1].Id], (await store.UnpublishedAsync(10, CancellationToken.None)).Select(o => o.Id));
        // events: two flags, two decisions, in order; each carries the post as it is now
        var events = await store.EventsAfterAsync(0, 10, CancellationToken.None);
        Assert.Equal(["post-1", "post-2", "post-1", "post-1"], events.Select(e => e.PostId));
        Assert.Equal(events.Select(e => e.EventId).Order(), events.Select(e => e.EventId));
        Assert.Equal(events[^1].EventId, await store.LatestEventIdAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Filters_select_by_reason_status_and_model_newest_first(string provider)
    {
        var (_, store) = await OpenAsync(provider);
        await store.AddFlagAsync(Flag("a", 1, ["abnormal"], "m@1"), CancellationToken.None);
        await store.AddFlagAsync(Flag("b", 2, ["synthetic"], "m@2"), CancellationToken.None);
        await store.AddFlagAsync(Flag("c", 3, ["abnormal", "synthetic"], "m@2"), CancellationToken.None);
        await store.AddFlagAsync(Flag("d_%", 4, ["abnormal"], "m@1"), CancellationToken.None);

        async Task<string[]> Ids(string? reason, string? model, string status = "all") =>
            (await store.ListAsync(new PostQuery(reason, status, model, 10), CancellationToken.None)).Select(p => p.PostId).ToArray();
        Assert.Equal(["d_%", "c", "b", "a"], await Ids(null, null));
        Assert.Equal(["d_%", "c", "a"], await Ids("abnormal", null));
        Assert.Equal(["c", "b"], await Ids("synthetic", "m@2"));
        Assert.Empty(await Ids("abnorm", null)); // whole reasons only
        Assert.Empty(await Ids("%", null)); // LIKE wildcards in a filter are literal
        var (counts, models, reasons) = await store.SummaryAsync(CancellationToken.None);
        Assert.Equal((4L, 4L, 0L, 0L), (counts.Total, counts.Undecided, counts.Confirmed, counts.Dismissed));
        Assert.Equal(["m@1", "m@2"], models);
        Assert.Equal(["abnormal", "synthetic"], reasons);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Retention_deletes_old_image_bytes_and_retraining_reads_only_decided_posts_that_keep_them(string provider)
    {
        var (_, store) = await OpenAsync(provider);
        await store.AddFlagAsync(Flag("old", 1_000), CancellationToken.None);
        await store.AddFlagAsync(Flag("new", 5_000), CancellationToken.None);
        await store.AddFlagAsync(Flag("undecided", 5_001), CancellationToken.None);
        await store.DecideAsync("old", ReviewDecision.Dismiss, "rita", null, 6_000, false, CancellationToken.None);
        await store.DecideAsync("new", ReviewDecision.Dismiss, "rita", null, 7_000, false, CancellationToken.None);

        Assert.Equal(1, await store.ExpireImagesAsync(2_000, CancellationToken.None));
        Assert.Equal(0, await store.ExpireImagesAsync(2_000, CancellationToken.None));

        var expired = await store.ImageAsync("old", CancellationToken.None);
        Assert.Equal((ImageStates.Expired, (byte[]?)null), (expired!.ImageState, expired.Image));
        var dismissed = new List<ReviewedPost>();
        await foreach (var post in store.ReadAsync(ReviewDecision.Dismiss))
        {
            dismissed.Add(post);
        }

        var kept = Assert.Single(dismissed);
        Assert.Equal(("new", ReviewDecision.Dismiss, "image/png", "m@1", 7_000L), (kept.PostId, kept.Decision, kept.ContentType, kept.ModelVersion, kept.DecidedAt.ToUnixTimeMilliseconds()));
        Assert.Equal(FashionImages.Png(5_000 % 100), kept.Image.ToArray());
        await foreach (var _ in store.ReadAsync(ReviewDecision.Confirm))
        {
            Assert.Fail("nothing was confirmed");
        }
    }
}
