using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Data;

public static class ProviderConfiguration
{
    public static DbContextOptionsBuilder<T> UseCet4Sqlite<T>(this DbContextOptionsBuilder<T> builder, string connectionString)
        where T : DbContext
    {
        builder.UseSqlite(connectionString, sql => sql.MigrationsHistoryTable("__EFMigrationsHistory"));
        return builder;
    }

    public static DbContextOptionsBuilder<T> UseCet4Postgres<T>(this DbContextOptionsBuilder<T> builder, string connectionString)
        where T : DbContext
    {
        builder.UseNpgsql(connectionString, sql => sql.MigrationsHistoryTable("__EFMigrationsHistory"));
        return builder;
    }
}
