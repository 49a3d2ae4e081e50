using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CET4Trainer.Core.Operations.Database;

// Times every command EF runs. Reads DbCommand.CommandText only, never DbCommand.Parameters.
public sealed class SlowQueryInterceptor(QueryLog log) : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        log.Record(command.CommandText, eventData.Duration, false);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        log.Record(command.CommandText, eventData.Duration, false);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        log.Record(command.CommandText, eventData.Duration, false);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        log.Record(command.CommandText, eventData.Duration, false);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        log.Record(command.CommandText, eventData.Duration, false);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        log.Record(command.CommandText, eventData.Duration, false);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        log.Record(command.CommandText, eventData.Duration, true);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        log.Record(command.CommandText, eventData.Duration, true);
        return Task.CompletedTask;
    }
}
