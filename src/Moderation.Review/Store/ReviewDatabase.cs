using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Moderation.Review.Store;

/// <summary>Opens connections to the review store: PostgreSQL (Npgsql) when the connection string has a <c>Host</c>
/// key, else SQLite (Microsoft.Data.Sqlite; the file's folder is created).</summary>
internal sealed class ReviewDatabase
{
    /// <exception cref="ArgumentException">The connection string is not valid for its provider.</exception>
    public ReviewDatabase(string connectionString)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString };
        IsPostgres = keys.ContainsKey("Host");
        if (IsPostgres)
        {
            _postgres = NpgsqlDataSource.Create(connectionString);
            Description = $"PostgreSQL {new NpgsqlConnectionStringBuilder(connectionString).Host}";
        }
        else
        {
            var sqlite = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
            var folder = Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource));
            if (!string.IsNullOrEmpty(folder) && sqlite.DataSource != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }

            _sqlite = sqlite.ToString();
            Description = $"SQLite {Path.GetFullPath(sqlite.DataSource)}";
        }
    }

    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    /// <summary>True for PostgreSQL, false for SQLite.</summary>
    public bool IsPostgres { get; }

    /// <summary>Provider and server or file, for logs (no password).</summary>
    public string Description { get; }

    /// <summary>An open connection; dispose it.</summary>
    /// <exception cref="DbException">The database cannot be reached.</exception>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
