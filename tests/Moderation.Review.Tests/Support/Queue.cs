using System.Net.Http.Json;
using System.Text.Json;

namespace Moderation.Review.Tests.Support;

/// <summary>Reads the queue through the JSON API with the test token.</summary>
internal static class Queue
{
    /// <summary>Polls <c>api/posts?status=all</c> until it lists <paramref name="count"/> posts.</summary>
    public static async Task<JsonElement> WaitForAsync(ReviewHost host, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var queue = await host.Api.GetFromJsonAsync<JsonElement>("/review/api/posts?status=all", cancellationToken);
            if (queue.GetProperty("posts").GetArrayLength() >= count)
            {
                return queue;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
