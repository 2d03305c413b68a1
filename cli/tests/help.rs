//! `statelab --help` lists only commands that exist, and unknown commands fail with usage.

use std::process::Command;

fn statelab(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_statelab")).args(args).output().expect("statelab runs")
}

#[test]
fn help_lists_every_command_and_each_one_is_accepted() {
    let out = statelab(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("COMMANDS:"))
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(commands.contains(&"help"), "help lists itself: {help}");
    for command in commands {
        let out = statelab(&[command, "--help"]);
        assert_ne!(out.status.code(), Some(2), "`{command} --help` is a known command");
    }
}

#[test]
fn unknown_command_exits_2_with_usage() {
    let out = statelab(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command 'frobnicate'"));
}
