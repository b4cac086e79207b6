// Command ferretdb runs FerretDB v1 (MongoDB wire protocol, SQLite backend) for the platform's embedded database.
//
// Why a wrapper instead of `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: that command refuses to
// start when built outside FerretDB's own release pipeline (it panics on a missing build/version/version.txt), and
// the module proxy here refuses the version list that `go install pkg@version` needs. The embeddable package of the
// same pinned module is the same server; it never reports telemetry and opens no debug HTTP port.
//
// It prints one JSON line {"uri": "..."} on stdout once it accepts connections, and stops cleanly on SIGTERM/SIGINT.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listenAddr := flag.String("listen-addr", "127.0.0.1:0", "TCP address to listen on (loopback only)")
	sqliteDir := flag.String("sqlite-dir", "", "directory for the SQLite database files")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	if *sqliteDir == "" {
		fmt.Fprintln(os.Stderr, "ferretdb: --sqlite-dir is required")
		os.Exit(2)
	}
	if err := os.MkdirAll(*sqliteDir, 0o700); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb: cannot create data directory:", err)
		os.Exit(1)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		level = slog.LevelWarn
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listenAddr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + *sqliteDir + "/",
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	// The platform starts FerretDB in its own process group (so Ctrl+C reaches the server first). If the server is
	// killed without a chance to stop us, we are re-parented: stop then, rather than hold the data files forever.
	parent := os.Getppid()
	go func() {
		for ctx.Err() == nil {
			time.Sleep(time.Second)
			if os.Getppid() != parent {
				stop()
				return
			}
		}
	}()

	done := make(chan struct{})
	go func() {
		_ = f.Run(ctx)
		close(done)
	}()

	// MongoDBURI blocks until the listener is bound, so the line below means "ready".
	line, _ := json.Marshal(map[string]string{"uri": f.MongoDBURI()})
	fmt.Println(string(line))

	<-done
}
