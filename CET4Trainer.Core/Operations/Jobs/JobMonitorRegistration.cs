using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CET4Trainer.Core.Operations.Jobs;

public static class JobMonitorRegistration
{
    public static IHostApplicationBuilder AddCet4JobMonitor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<JobRunLog>();
        builder.Services.AddSingleton<JobMonitor>();
        builder.Services.AddQuartz(q => q.AddJobListener(sp => sp.GetRequiredService<JobRunLog>()));
        return builder;
    }
}
