using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CET4Trainer.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TeacherWorkspaceAndMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Assignments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RuleCount",
                table: "Assignments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RuleMaxDifficulty",
                table: "Assignments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RuleMinDifficulty",
                table: "Assignments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RuleSection",
                table: "Assignments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RuleTag",
                table: "Assignments",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RuleType",
                table: "Assignments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimeLimitMinutes",
                table: "Assignments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AlertRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Signal = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Comparison = table.Column<int>(type: "integer", nullable: false),
                    WarningThreshold = table.Column<double>(type: "double precision", nullable: true),
                    CriticalThreshold = table.Column<double>(type: "double precision", nullable: true),
                    ForSeconds = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: true),
                    BreachSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CriticalSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FiringSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastValue = table.Column<double>(type: "double precision", nullable: true),
                    EvaluatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertRules", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "AlertEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RuleId = table.Column<int>(type: "integer", nullable: false),
                    Signal = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Threshold = table.Column<double>(type: "double precision", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FiringSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Webhook = table.Column<int>(type: "integer", nullable: false),
                    WebhookAttempts = table.Column<int>(type: "integer", nullable: false),
                    WebhookError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    WebhookAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertEvents_AlertRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AlertRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvents_At",
                table: "AlertEvents",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvents_Rule_At",
                table: "AlertEvents",
                columns: new[] { "RuleId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertRules_Signal",
                table: "AlertRules",
                column: "Signal",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MetricSnapshots_At",
                table: "MetricSnapshots",
                column: "AtUnix");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertEvents");

            migrationBuilder.DropTable(
                name: "MetricSnapshots");

            migrationBuilder.DropTable(
                name: "AlertRules");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RuleCount",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RuleMaxDifficulty",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RuleMinDifficulty",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RuleSection",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RuleTag",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RuleType",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "TimeLimitMinutes",
                table: "Assignments");
        }
    }
}
