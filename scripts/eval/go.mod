module github.com/papergist/papergist/scripts/eval

go 1.26.0

require (
	github.com/didasy/tldr v0.7.0
	github.com/kljensen/snowball v0.10.0
	github.com/papergist/papergist v0.0.0
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/alixaxel/pagerank v0.0.0-20160306110729-14bfb4c1d88c // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)

replace github.com/papergist/papergist => ../..
