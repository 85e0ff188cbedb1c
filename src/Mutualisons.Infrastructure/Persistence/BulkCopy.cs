using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Mutualisons.Infrastructure.Persistence;

/// <summary>
/// Adds many rows of one entity type with PostgreSQL's binary COPY, inside the context's open transaction, so
/// they commit or roll back with the rest of the write (its audit line included). Columns, conversions (enums
/// as names, JSON documents) and types come from the EF model: the same mapping as a SaveChanges, at the speed
/// of COPY. Computed columns and the row version (<c>xmin</c>) are left to PostgreSQL.
/// </summary>
public static class BulkCopy
{
    public static async Task<ulong> CopyAsync<T>(this MutualisonsDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (db.Database.CurrentTransaction is null)
        {
            // Outside a transaction COPY would commit on its own, and a failure later would leave half a write.
            throw new InvalidOperationException("Bulk copies run inside the write's transaction.");
        }
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => p.GetComputedColumnSql(table) is null && !(p.IsConcurrencyToken && p.ValueGenerated == ValueGenerated.OnAddOrUpdate))
            .Select(p => new Column(p.GetColumnName(table)!, p.GetRelationalTypeMapping().StoreTypeNameBase, p.GetTypeMapping().Converter, p.GetGetter()))
            .ToList();
        var target = table.Schema is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {target} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                var value = column.Getter.GetClrValue(row);
                if (value is not null && column.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(Normalised(value), column.StoreType, cancellationToken);
                }
            }
        }
        return await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>A read-only list of ids (a collection expression's own type) as the array PostgreSQL's uuid[] takes.</summary>
    private static object Normalised(object value) => value is IEnumerable<Guid> ids and not Guid[] ? ids.ToArray() : value;

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private sealed record Column(string Name, string StoreType, ValueConverter? Converter, IClrPropertyGetter Getter);
}
