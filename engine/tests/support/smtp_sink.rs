//! A minimal SMTP server for tests: listens on 127.0.0.1 on a free port,
//! records every mail it accepts, and can be told to reject the next
//! attempts with a given reply (4xx: try again; 5xx: give up).

#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// One mail the sink accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The envelope sender.
    pub from: String,
    /// The envelope recipients.
    pub to: Vec<String>,
    /// The mail (CRLF line ends, dot-stuffing undone).
    pub data: String,
}

#[derive(Debug, Default)]
struct Shared {
    received: Vec<Received>,
    rejections: VecDeque<String>,
}

/// A running sink; it stops when the test process ends.
#[derive(Debug, Clone)]
pub struct SmtpSink {
    port: u16,
    shared: Arc<Mutex<Shared>>,
}

impl SmtpSink {
    /// Starts a sink on a free port.
    pub fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().expect("bound").port();
        let shared = Arc::new(Mutex::new(Shared::default()));
        let inner = Arc::clone(&shared);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let shared = Arc::clone(&inner);
                std::thread::spawn(move || {
                    let _ = serve(stream, &shared);
                });
            }
        });
        SmtpSink { port, shared }
    }

    /// `smtp://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The next attempt gets `reply` (like `451 4.3.0 busy`) to MAIL FROM.
    pub fn reject_next(&self, reply: &str) {
        self.lock().rejections.push_back(reply.to_string());
    }

    /// What it accepted so far.
    pub fn received(&self) -> Vec<Received> {
        self.lock().received.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn serve(stream: TcpStream, shared: &Mutex<Shared>) -> std::io::Result<()> {
    let mut out = stream.try_clone()?;
    let mut lines = BufReader::new(stream);
    let mut reply = |text: &str| out.write_all(format!("{text}\r\n").as_bytes());
    reply("220 sink ESMTP")?;
    let (mut from, mut to) = (String::new(), Vec::new());
    loop {
        let mut line = String::new();
        if lines.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_string();
        let verb = command
            .split([' ', ':'])
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        match verb.as_str() {
            "EHLO" | "HELO" => reply("250-sink\r\n250 8BITMIME")?,
            "MAIL" => {
                let rejection = shared.lock().map(|mut s| s.rejections.pop_front());
                match rejection.ok().flatten() {
                    Some(text) => reply(&text)?,
                    None => {
                        from = angle(&command);
                        to.clear();
                        reply("250 ok")?;
                    }
                }
            }
            "RCPT" => {
                to.push(angle(&command));
                reply("250 ok")?;
            }
            "DATA" => {
                reply("354 go ahead")?;
                let data = read_data(&mut lines)?;
                if let Ok(mut s) = shared.lock() {
                    s.received.push(Received {
                        from: from.clone(),
                        to: to.clone(),
                        data,
                    });
                }
                reply("250 queued")?;
            }
            "QUIT" => return reply("221 bye"),
            "RSET" | "NOOP" => reply("250 ok")?,
            _ => reply("502 not implemented")?,
        }
    }
}

fn angle(command: &str) -> String {
    let start = command.find('<').map_or(0, |i| i + 1);
    let end = command.rfind('>').unwrap_or(command.len());
    command.get(start..end).unwrap_or("").to_string()
}

fn read_data(lines: &mut impl BufRead) -> std::io::Result<String> {
    let mut data = String::new();
    loop {
        let mut line = String::new();
        if lines.read_line(&mut line)? == 0 || line == ".\r\n" {
            return Ok(data);
        }
        data.push_str(line.strip_prefix('.').unwrap_or(&line));
    }
}
