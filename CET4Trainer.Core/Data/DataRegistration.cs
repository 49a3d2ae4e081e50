using CET4Trainer.Core.Hosting;
using CET4Trainer.Core.Operations.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Data;

public static class DataRegistration
{
    public static IHostApplicationBuilder AddCet4Data(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations();

        // The provider decides which context type exists, so it is read now rather than at start-up.
        var options = ReadDatabaseOptions(builder.Configuration, AppPaths.Of(builder));
        builder.Services.AddSingleton(new ResolvedDatabase(options.Provider, options.ConnectionString));
        switch (options.Provider)
        {
            case DatabaseOptions.Sqlite:
                builder.Services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, o) => Monitored(sp, o.UseSqlite(options.ConnectionString)));
                builder.Services.AddSingleton<IDbContextFactory<AppDbContext>, ProviderContextFactory<SqliteAppDbContext>>();
                break;
            case DatabaseOptions.Postgres:
                builder.Services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, o) => Monitored(sp, o.UseNpgsql(options.ConnectionString)));
                builder.Services.AddSingleton<IDbContextFactory<AppDbContext>, ProviderContextFactory<PostgresAppDbContext>>();
                break;
            default:
                throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions),
                    [$"Database:Provider '{options.Provider}' is not supported; use {DatabaseOptions.Sqlite} or {DatabaseOptions.Postgres}."]);
        }

        // Identity's stores want a scoped context; it comes from the same pool.
        builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        // Registered first so it runs before any other hosted service (data protection's key ring loader included).
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseInitializer>());
        builder.Services.AddDataProtection().SetApplicationName("CET4Trainer").PersistKeysToDbContext<AppDbContext>();
        return builder;
    }

    // Slow queries and query counts for the admin database page (AddCet4DatabaseMonitor registers the interceptor).
    private static void Monitored(IServiceProvider services, DbContextOptionsBuilder options)
    {
        if (services.GetService<SlowQueryInterceptor>() is { } interceptor) options.AddInterceptors(interceptor);
    }

    private static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration, AppPaths paths)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions),
                ["Database:ConnectionString is required."]);
        }
        if (options.Provider == DatabaseOptions.Sqlite)
        {
            options.ConnectionString = SqliteConnectionStrings.Normalize(options.ConnectionString, paths);
        }
        return options;
    }
}

// The provider and the connection string actually in use, after relative paths were resolved.
public sealed record ResolvedDatabase(string Provider, string ConnectionString)
{
    public bool IsSqlite => Provider == DatabaseOptions.Sqlite;
}
