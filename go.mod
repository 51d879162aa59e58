module github.com/papergist/papergist

go 1.26.0

require (
	github.com/PuerkitoBio/goquery v1.13.0
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.44.0
)

require (
	github.com/andybalholm/cascadia v1.3.4 // indirect
	github.com/syumai/workers v0.33.0 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/net v0.58.0 // indirect
)

tool github.com/syumai/workers/cmd/workers-assets-gen
