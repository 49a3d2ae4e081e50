using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CET4Trainer.Core.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUnix = table.Column<long>(type: "bigint", nullable: false),
                    RequestsPerSecond = table.Column<double>(type: "double precision", nullable: false),
                    LatencyP50Ms = table.Column<double>(type: "double precision", nullable: true),
                    LatencyP95Ms = table.Column<double>(type: "double precision", nullable: true),
                    LatencyP99Ms = table.Column<double>(type: "double precision", nullable: true),
                    ErrorRate = table.Column<double>(type: "double precision", nullable: false),
                    ActiveCircuits = table.Column<int>(type: "integer", nullable: false),
                    ActiveUsers = table.Column<int>(type: "integer", nullable: false),
                    CpuPercent = table.Column<double>(type: "double precision", nullable: false),
                    WorkingSetMb = table.Column<double>(type: "double precision", nullable: false),
                    GcHeapMb = table.Column<double>(type: "double precision", nullable: false),
                    Gen2Collections = table.Column<long>(type: "bigint", nullable: false),
                    ThreadPoolQueueLength = table.Column<long>(type: "bigint", nullable: false),
                    DbQueriesPerSecond = table.Column<double>(type: "double precision", nullable: false),
                    AnswersPerMinute = table.Column<double>(type: "double precision", nullable: false),
                    AiCallsPerMinute = table.Column<double>(type: "double precision", nullable: false),
                    AiSuccessRate = table.Column<double>(type: "double precision", nullable: true),
                    TaskQueueDepth = table.Column<int>(type: "integer", nullable: false)
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
