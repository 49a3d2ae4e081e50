using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CET4Trainer.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MetricSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MetricSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUnix = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestsPerSecond = table.Column<double>(type: "REAL", nullable: false),
                    LatencyP50Ms = table.Column<double>(type: "REAL", nullable: true),
                    LatencyP95Ms = table.Column<double>(type: "REAL", nullable: true),
                    LatencyP99Ms = table.Column<double>(type: "REAL", nullable: true),
                    ErrorRate = table.Column<double>(type: "REAL", nullable: false),
                    ActiveCircuits = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveUsers = table.Column<int>(type: "INTEGER", nullable: false),
                    CpuPercent = table.Column<double>(type: "REAL", nullable: false),
                    WorkingSetMb = table.Column<double>(type: "REAL", nullable: false),
                    GcHeapMb = table.Column<double>(type: "REAL", nullable: false),
                    Gen2Collections = table.Column<long>(type: "INTEGER", nullable: false),
                    ThreadPoolQueueLength = table.Column<long>(type: "INTEGER", nullable: false),
                    DbQueriesPerSecond = table.Column<double>(type: "REAL", nullable: false),
                    AnswersPerMinute = table.Column<double>(type: "REAL", nullable: false),
                    AiCallsPerMinute = table.Column<double>(type: "REAL", nullable: false),
                    AiSuccessRate = table.Column<double>(type: "REAL", nullable: true),
                    TaskQueueDepth = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricSnapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MetricSnapshots_At",
                table: "MetricSnapshots",
                column: "AtUnix");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MetricSnapshots");
        }
    }
}
