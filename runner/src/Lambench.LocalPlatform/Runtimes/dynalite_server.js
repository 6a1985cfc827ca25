// Starts dynalite (an implementation of DynamoDB on LevelDB/memdown) on 127.0.0.1 only, in memory, with tables
// active at once, and prints the port it listens on. The dynalite CLI would listen on every interface.
const dynalite = require('dynalite')({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
const server = dynalite.listen(Number(process.argv[2] || 0), '127.0.0.1', () => console.log('LISTENING ' + server.address().port))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
// The platform holds this process's stdin open; when it ends, the platform is gone (even after a kill -9), so go too.
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
