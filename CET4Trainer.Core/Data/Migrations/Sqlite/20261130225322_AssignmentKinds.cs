using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CET4Trainer.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssignmentKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Assignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RuleCount",
                table: "Assignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RuleMaxDifficulty",
                table: "Assignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RuleMinDifficulty",
                table: "Assignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RuleSection",
                table: "Assignments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RuleTag",
                table: "Assignments",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RuleType",
                table: "Assignments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimeLimitMinutes",
                table: "Assignments",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
