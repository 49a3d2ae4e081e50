using System.Text;
using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Demo;

// Multi-row INSERTs for the thousands of history rows: one statement per few hundred rows instead of one
// per row, which is what keeps the first start short. The SQL is the same on SQLite and PostgreSQL, and
// values go in as parameters with the provider's own type mapping (as AnswerWriter's do).
internal static class DemoBulkInsert
{
    // Well under the parameter limits of both providers (32,766 and 65,535).
    private const int MaxParameters = 2000;

    public static async Task InsertAsync(AppDbContext db, string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var perStatement = Math.Max(1, MaxParameters / columns.Length);
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var sql = new StringBuilder(head);
            var values = new List<object?>(chunk.Length * columns.Length);
            for (var r = 0; r < chunk.Length; r++)
            {
                if (chunk[r].Length != columns.Length) throw new ArgumentException($"A row for {table} has {chunk[r].Length} values for {columns.Length} columns.");
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    if (c > 0) sql.Append(", ");
                    sql.Append('{').Append(values.Count).Append('}');
                    values.Add(chunk[r][c]);
                }
                sql.Append(')');
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values!, cancellationToken);
        }
    }
}
